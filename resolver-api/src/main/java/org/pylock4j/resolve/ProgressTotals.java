package org.pylock4j.resolve;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.pylock4j.requirement.ProjectName;

/** {@link ResolutionListener#totals}: counts the events and reports the totals after each. */
final class ProgressTotals implements ResolutionListener {

  private final Consumer<ResolutionProgress> sink;
  private final AtomicInteger projects = new AtomicInteger();
  private final AtomicInteger pages = new AtomicInteger();
  private final AtomicInteger metadata = new AtomicInteger();
  private final AtomicInteger round = new AtomicInteger();

  ProgressTotals(Consumer<ResolutionProgress> sink) {
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  @Override
  public void projectDiscovered(ProjectName project) {
    projects.incrementAndGet();
    report();
  }

  @Override
  public void pageFetched(ProjectPage page) {
    pages.incrementAndGet();
    report();
  }

  @Override
  public void metadataFetched(DistributionFile file) {
    metadata.incrementAndGet();
    report();
  }

  @Override
  public void roundSolved(int solved, int unknownChosen) {
    round.accumulateAndGet(solved, Math::max);
    report();
  }

  private void report() {
    int p = projects.get();
    sink.accept(new ResolutionProgress(p, Math.min(pages.get(), p), metadata.get(), round.get()));
  }
}
