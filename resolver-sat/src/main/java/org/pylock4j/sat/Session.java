package org.pylock4j.sat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.pylock4j.error.InvalidInputException;
import org.pylock4j.error.PylockException;
import org.pylock4j.error.ResolutionLimitException;
import org.pylock4j.metadata.CoreMetadata;
import org.pylock4j.requirement.MarkerTree;
import org.pylock4j.requirement.ProjectName;
import org.pylock4j.requirement.Requirement;
import org.pylock4j.resolve.ProjectPage;
import org.pylock4j.resolve.VersionFilter;
import org.pylock4j.resolve.Resolution;
import org.pylock4j.resolve.ResolutionListener;
import org.pylock4j.resolve.ResolutionRequest;
import org.pylock4j.resolve.ResolutionStatistics;

/**
 * One resolution: the lazy loop (DESIGN "Lazy loop"). Solve the relaxation in which versions
 * without fetched metadata have no dependencies, take its lexicographic optimum, fetch (in
 * parallel, bounded) the metadata of the chosen versions still unknown and the pages of the
 * projects they name, add their clauses to the same incremental solver, and repeat until every
 * chosen version is known.
 *
 * <p>Never blocks a thread: each step runs on the request's executor and a fetch batch resumes
 * the loop when all its requests have completed. Results are integrated in an order fixed by the
 * inputs, never by completion order.
 *
 * <p>Optimising every round costs a solver call per decided project and more: on inputs that
 * walk down hundreds of versions round after round (a cycle of 200 projects × 200 versions, each
 * requiring an older version of the next, needs about a thousand rounds) that is hours of solving
 * for answers nobody uses. So after {@link #LAZY_ROUNDS} rounds, or once the solver has done
 * {@link #LAZY_PROPAGATIONS} propagations (mid-round too), the loop turns <em>eager</em>: a round
 * only checks that the relaxation is still satisfiable (ending at once when it is not) and
 * fetches the metadata of every version of each project its model installs. The optimiser runs
 * again only when that model needs nothing more, so the answer is still the optimum of the real
 * problem; only the number of fetches changes, and only on inputs no real set comes near (they
 * take 3 to 9 rounds and at most 200,000 propagations). Both thresholds count work, never time,
 * so what is fetched still does not depend on timing.
 */
final class Session {

  /** Rounds that are optimised before the loop turns eager. */
  static final int LAZY_ROUNDS = 16;

  /**
   * Literals the solver may propagate before the loop turns eager (real sets need at most 200,000;
   * a cycle of 200 projects × 200 versions, all required, 27 million in its first round).
   */
  static final long LAZY_PROPAGATIONS = 5_000_000;

  private final ResolutionRequest request;
  private final ResolutionListener listener;
  private final CompletableFuture<Resolution> result = new CompletableFuture<>();
  private final StopListener stop;
  private final Encoder encoder;
  private final Problem problem;
  private final Optimizer optimizer;
  private final long started = System.nanoTime();
  private boolean begun;
  /** Whether the loop has turned eager (see the class comment). */
  private boolean eager;
  private int rounds;
  private int pagesFetched;
  private int metadataFetched;
  private volatile FetchBatch batch;
  private final List<PageFetch> pageFetches = new ArrayList<>();
  private final List<MetadataFetch> metadataFetches = new ArrayList<>();
  /** Names whose page is integrated or requested; read and written by fetch callbacks too. */
  private final Set<ProjectName> pagesKnown = ConcurrentHashMap.newKeySet();
  /** Pages requested from metadata callbacks during the current batch. */
  private final Queue<PageFetch> pagePrefetches = new ConcurrentLinkedQueue<>();

  private record PageFetch(ProjectName project, FetchBatch.Fetch<ProjectPage> fetch) {}

  private record MetadataFetch(Candidate candidate, FetchBatch.Fetch<CoreMetadata> fetch) {}

  private final FileEnvironments fileEnvironments;
  /** In a universal region: where each package of the result is installed. */
  Map<ProjectName, MarkerTree> regionPackages = Map.of();
  /** In a universal region that is unsatisfiable: the splits that might make it satisfiable. */
  List<MarkerTree> splits = List.of();

  Session(ResolutionRequest request) {
    this(request, null, null);
  }

  /**
   * A session for {@code request}, in {@code region} of a universal resolution (null: for the
   * request's target).
   */
  Session(ResolutionRequest request, MarkerTree region, FileEnvironments fileEnvironments) {
    this.request = request;
    this.listener = request.listener();
    this.stop = new StopListener(request.options().timeout());
    this.encoder = new Encoder(stop);
    this.fileEnvironments = fileEnvironments;
    this.problem = new Problem(request, encoder, this::warn, region, fileEnvironments);
    this.optimizer = new Optimizer(problem, encoder);
  }

  CompletableFuture<Resolution> start() {
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        cancel();
      }
    });
    resume();
    return result;
  }

  private void cancel() {
    stop.cancel();
    FetchBatch b = batch;
    if (b != null) {
      b.cancel();
    }
  }

  private void resume() {
    try {
      request.executor().execute(this::advance);
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  private void warn(String message) {
    problem.warnings.add(message);
    listener.warning(message);
  }

  private void advance() {
    try {
      if (result.isDone()) {
        return;
      }
      if (!begun) {
        begun = true;
        problem.start();
        for (Project p : problem.projects.values()) {
          if (p.ready()) {
            pagesKnown.add(p.name); // direct URL projects: no page
          }
        }
      }
      stop.check();
      integrate();
      while (true) {
        problem.runTasks();
        checkProjectCount();
        if (problem.hasWork()) {
          launch();
          return;
        }
        if (++rounds > request.options().maxRounds()) {
          throw new ResolutionLimitException("maxRounds",
              "the resolution needed more than " + request.options().maxRounds()
                  + " rounds of the lazy loop (ResolverOptions.maxRounds)");
        }
        eager |= rounds > LAZY_ROUNDS;
        boolean[] model = null;
        if (!eager) {
          try {
            model = optimizer.optimise(LAZY_PROPAGATIONS);
          } catch (Optimizer.OverBudget spent) {
            eager = true;
          }
        }
        if (eager) {
          model = optimizer.satisfy();
        }
        if (model == null) {
          throw unsatisfiable();
        }
        List<Candidate> unknown = unknown(model, false);
        if (eager && unknown.isEmpty()) {
          model = optimizer.optimise();
          if (model == null) {
            throw unsatisfiable(); // cannot happen: the model above satisfies the same clauses
          }
          unknown = unknown(model, true);
        }
        listener.roundSolved(rounds, unknown.size());
        if (unknown.isEmpty()) {
          GraphBuilder graph = new GraphBuilder(problem, model, fileEnvironments);
          Resolution resolution = graph.build(statistics());
          regionPackages = graph.regionPackages;
          listener.finished(resolution);
          result.complete(resolution);
          return;
        }
        for (Candidate c : unknown) {
          want(c);
          if (!eager) {
            prefetch(c);
          }
        }
      }
    } catch (Throwable t) {
      result.completeExceptionally(t);
    }
  }

  /** Fails once more distinct projects are considered than allowed, before their pages are asked. */
  private void checkProjectCount() {
    int max = request.options().maxProjects();
    if (problem.projects.size() > max) {
      throw new ResolutionLimitException("maxProjects",
          "the resolution considered more than " + max
              + " distinct projects (ResolverOptions.maxProjects)");
    }
  }

  /** The explained failure of an unsatisfiable relaxation (so the real problem is too). */
  private PylockException unsatisfiable() {
    Explainer explainer = new Explainer(problem, request.options().explanationTimeout(),
        request.options().maxExplanationConflicts());
    PylockException unsat = explainer.explain();
    if (problem.markers.region() != null) {
      splits = Splits.of(problem, explainer.core);
    }
    return unsat;
  }

  /**
   * The versions without metadata that {@code model} chooses, in project order; once eager, every
   * such version of each project the model installs ({@code all}: of each project whose chosen
   * version is unknown), so that a project is fetched whole in one round.
   */
  private List<Candidate> unknown(boolean[] model, boolean all) {
    List<Candidate> unknown = new ArrayList<>();
    for (Project p : problem.projects.values()) {
      if (!p.ready()) {
        continue;
      }
      boolean whole = eager && model[p.instVar];
      if (whole && all) {
        whole = p.candidates.stream()
            .anyMatch(c -> model[c.var] && c.state == Candidate.State.UNKNOWN);
      }
      for (Candidate c : p.candidates) {
        if ((whole || model[c.var]) && c.state == Candidate.State.UNKNOWN) {
          unknown.add(c);
        }
      }
    }
    return unknown;
  }

  private void want(Candidate c) {
    c.state = Candidate.State.FETCHING;
    problem.metadataWanted.add(c);
  }

  /**
   * When the optimum walks down the versions of a project round after round (each newer one
   * turning out to conflict), fetch the next unknown versions in preference order too, doubling
   * their number each round (at most 64): the walk then costs logarithmically many rounds. Which
   * versions are fetched depends only on the rounds, so the result still does not depend on
   * timing.
   */
  private void prefetch(Candidate c) {
    Project p = c.project;
    int more = Math.min(64, (1 << Math.min(2 * p.walks, 6)) - 1);
    p.walks++;
    List<Candidate> order = optimizer.preferenceOrder(p);
    for (int j = order.indexOf(c) + 1; j < order.size() && more > 0; j++) {
      Candidate next = order.get(j);
      if (next.state == Candidate.State.UNKNOWN) {
        want(next);
        more--;
      }
    }
  }

  private void launch() {
    FetchBatch b = new FetchBatch(request.options().maxParallelFetches());
    List<Project> pages = new ArrayList<>(problem.pagesWanted);
    pages.sort(Comparator.comparing(p -> p.name));
    for (Project p : pages) {
      if (pagesKnown.add(p.name)) {
        requestPage(b, p.name, pageFetches::add);
      }
    }
    for (Candidate c : problem.metadataWanted) {
      metadataFetches.add(new MetadataFetch(c, b.add(
          () -> request.source().metadata(c.metadataFile), m -> prefetchPages(b, m))));
    }
    problem.pagesWanted.clear();
    problem.metadataWanted.clear();
    batch = b;
    b.run().whenComplete((v, e) -> {
      if (!stop.cancelled()) {
        resume();
      }
    });
    if (stop.cancelled()) {
      b.cancel();
    }
  }

  private void requestPage(FetchBatch b, ProjectName name, Consumer<PageFetch> to) {
    listener.projectDiscovered(name);
    to.accept(new PageFetch(name, b.add(() -> page(name))));
  }

  /**
   * The page of {@code name}; with a {@code VersionFilter}, once the filter's exclusions for it
   * are known (recorded in the selector before the page is integrated).
   */
  private java.util.concurrent.CompletableFuture<ProjectPage> page(ProjectName name) {
    java.util.concurrent.CompletableFuture<ProjectPage> page = request.source().page(name);
    if (request.versionFilter().isEmpty()) {
      return page;
    }
    VersionFilter filter = request.versionFilter().get();
    return page.thenCompose(p -> filter.exclusions(p).thenApply(exclusions -> {
      problem.selector.filtered(name, exclusions);
      return p;
    }));
  }

  /**
   * On a fetch thread, as soon as metadata arrives: asks, in the same batch, for the pages of the
   * projects its requirements name without extras (their clauses need them next), so a round
   * waits for one trip to the index, not two. Which pages is fixed by the metadata, not timing.
   */
  private void prefetchPages(FetchBatch b, CoreMetadata metadata) {
    for (String line : metadata.requiresDist()) {
      Requirement r;
      try {
        r = Requirement.parse(line);
        if (!problem.markers.holds(r.marker())) {
          continue;
        }
      } catch (RuntimeException e) {
        continue;
      }
      if (pagesKnown.size() < request.options().maxProjects()
          && pagesKnown.add(r.projectName())) {
        requestPage(b, r.projectName(), pagePrefetches::add);
      }
    }
  }

  private void integrate() {
    pageFetches.addAll(pagePrefetches);
    pagePrefetches.clear();
    pageFetches.sort(Comparator.comparing(PageFetch::project));
    for (PageFetch f : pageFetches) {
      if (f.fetch.error != null) {
        throw failure(f.fetch.error, "reading the page of " + f.project);
      }
      pagesFetched++;
      listener.pageFetched(f.fetch.value);
      Project p = problem.project(f.project);
      p.pageRequested = true;
      problem.integratePage(p, f.fetch.value);
    }
    pageFetches.clear();
    metadataFetches.sort(Comparator.comparing((MetadataFetch f) -> f.candidate.project.name)
        .thenComparing(f -> f.candidate.version, Comparator.reverseOrder()));
    for (MetadataFetch f : metadataFetches) {
      Candidate c = f.candidate;
      if (f.fetch.error != null) {
        Throwable cause = unwrap(f.fetch.error);
        if (cause instanceof InvalidInputException invalid) {
          problem.invalidMetadata(c, invalid);
          continue;
        }
        throw failure(cause, "reading the metadata of " + c.metadataFile.filename());
      }
      metadataFetched++;
      listener.metadataFetched(c.metadataFile);
      problem.integrateMetadata(c, f.fetch.value);
    }
    metadataFetches.clear();
  }

  private RuntimeException failure(Throwable error, String what) {
    Throwable cause = unwrap(error);
    if (cause instanceof CancellationException) {
      stop.check();
    }
    if (cause instanceof PylockException p) {
      return p;
    }
    return new PylockException("failed " + what + ": " + cause, cause);
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private ResolutionStatistics statistics() {
    int candidates = 0;
    for (Project p : problem.projects.values()) {
      if (p.ready()) {
        candidates += p.candidates.size();
      }
    }
    return new ResolutionStatistics(candidates, pagesFetched, metadataFetched, rounds,
        encoder.calls(), Duration.ofNanos(System.nanoTime() - started));
  }
}
