package org.pylock4j.sat;

import org.pylock4j.requirement.Requirement;

/** Where a group of clauses came from, for explanations. */
sealed interface Origin {

  /** Root requirement number {@code index} of the request. */
  record Root(int index, Requirement requirement) implements Origin {}

  /** {@code candidate} (with {@code extra} active, or null) requires {@code requirement}. */
  record Dependency(Candidate candidate, String extra, Requirement requirement) implements Origin {}

  /** A constraint of the request. */
  record Constraint(Requirement requirement) implements Origin {}

  /** {@code candidate} was taken out for {@code reason}. */
  record Removed(Candidate candidate, String reason) implements Origin {}
}
