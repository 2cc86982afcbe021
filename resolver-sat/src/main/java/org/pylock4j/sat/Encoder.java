package org.pylock4j.sat;

import java.util.ArrayList;
import java.util.List;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.IVecInt;
import org.sat4j.specs.TimeoutException;

/**
 * The one incremental Sat4j solver of a session, and the record of every clause with the group
 * it belongs to (group 0: structural clauses that are always true; group {@code g > 0}: {@code
 * origins.get(g - 1)}), from which an explanation solver is built once the problem is known to be
 * unsatisfiable.
 */
final class Encoder {

  private final ISolver solver = SolverFactory.newDefault();
  private final StopListener stop;
  private int maxVar;
  private int declaredVars;
  private boolean contradiction;
  private int calls;

  final List<int[]> clauses = new ArrayList<>();
  final List<Integer> clauseGroups = new ArrayList<>();
  final List<int[]> atMostOnes = new ArrayList<>();
  final List<Origin> origins = new ArrayList<>();

  Encoder(StopListener stop) {
    this.stop = stop;
    solver.setDBSimplificationAllowed(false);
    solver.setTimeoutOnConflicts(Integer.MAX_VALUE);
    solver.setSearchListener(stop);
  }

  /** A fresh variable. */
  int newVar() {
    return ++maxVar;
  }

  int maxVar() {
    return maxVar;
  }

  /** A new group for {@code origin}; its id. */
  int group(Origin origin) {
    origins.add(origin);
    return origins.size();
  }

  /** Adds a clause (a disjunction of literals) in {@code group} (0 for structural). */
  void clause(int group, int... literals) {
    clauses.add(literals);
    clauseGroups.add(group);
    if (contradiction) {
      return;
    }
    declare();
    try {
      solver.addClause(new VecInt(literals));
    } catch (ContradictionException e) {
      contradiction = true;
    }
  }

  /** At most one of {@code vars} is true (structural, Sat4j's native cardinality constraint). */
  void atMostOne(int[] vars) {
    if (vars.length < 2) {
      return;
    }
    atMostOnes.add(vars);
    if (contradiction) {
      return;
    }
    declare();
    try {
      solver.addAtMost(new VecInt(vars), 1);
    } catch (ContradictionException e) {
      contradiction = true;
    }
  }

  private void declare() {
    if (maxVar > declaredVars) {
      solver.newVar(maxVar);
      declaredVars = maxVar;
    }
  }

  /** Whether the clauses are satisfiable under {@code assumptions}. */
  boolean solve(IVecInt assumptions) {
    if (contradiction) {
      return false;
    }
    stop.check();
    calls++;
    declare();
    try {
      return solver.isSatisfiable(assumptions);
    } catch (TimeoutException e) {
      stop.check();
      throw new IllegalStateException("the SAT solver stopped without a reason", e);
    }
  }

  /** The model of the last satisfiable call, indexed by variable. */
  boolean[] model() {
    boolean[] model = new boolean[maxVar + 1];
    for (int lit : solver.model()) {
      if (lit > 0 && lit <= maxVar) {
        model[lit] = true;
      }
    }
    return model;
  }

  /** The listener that stops searches on cancellation or timeout. */
  StopListener stop() {
    return stop;
  }

  int calls() {
    return calls;
  }
}
