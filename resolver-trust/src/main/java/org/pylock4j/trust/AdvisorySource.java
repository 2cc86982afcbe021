package org.pylock4j.trust;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.pylock4j.requirement.ProjectName;

/** Where OSV records come from: the OSV API or an offline export. */
interface AdvisorySource extends AutoCloseable {

  /** For each of {@code packages}, the records that say it is affected (possibly none). */
  Map<PackageVersion, List<OsvRecord>> affecting(Collection<PackageVersion> packages);

  /** Every record that names {@code project}. */
  List<OsvRecord> recordsFor(ProjectName project);

  @Override
  void close();
}
