package org.pylock4j.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.pylock4j.requirement.ProjectName;

/**
 * The OSV API (https://google.github.io/osv.dev/api/): {@code POST /v1/querybatch} to learn which
 * vulnerabilities affect each package version, {@code GET /v1/vulns/{id}} for their details, and
 * {@code POST /v1/query} with a package and no version for every vulnerability of a project.
 * Follows {@code next_page_token}. Records are cached for the life of the instance.
 */
final class OsvApi implements AdvisorySource {

  /** OSV answers at most this many queries per batch. */
  static final int BATCH = 1000;

  private static final MediaType JSON = MediaType.get("application/json");

  private final String baseUrl;
  private final OkHttpClient http;
  private final ObjectMapper json;
  private final Executor executor;
  private final Map<String, OsvRecord> byId = new ConcurrentHashMap<>();
  private final Map<ProjectName, List<OsvRecord>> byProject = new ConcurrentHashMap<>();

  private final int retries;
  private final java.time.Duration backoff;

  OsvApi(String baseUrl, OkHttpClient http, ObjectMapper json, Executor executor, int retries,
      java.time.Duration backoff) {
    this.retries = retries;
    this.backoff = backoff;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http = http;
    this.json = json;
    this.executor = executor;
  }

  @Override
  public Map<PackageVersion, List<OsvRecord>> affecting(Collection<PackageVersion> packages) {
    List<PackageVersion> all = List.copyOf(new LinkedHashSet<>(packages));
    Map<PackageVersion, Set<String>> ids = new LinkedHashMap<>();
    for (int from = 0; from < all.size(); from += BATCH) {
      List<PackageVersion> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      Map<PackageVersion, String> pending = new LinkedHashMap<>();
      batch.forEach(pv -> pending.put(pv, null));
      while (!pending.isEmpty()) {
        ObjectNode body = json.createObjectNode();
        ArrayNode queries = body.putArray("queries");
        List<PackageVersion> order = new ArrayList<>(pending.keySet());
        for (PackageVersion pv : order) {
          ObjectNode q = queries.addObject();
          q.putObject("package").put("name", pv.name().normalized()).put("ecosystem", OsvRecord.ECOSYSTEM);
          q.put("version", pv.version().toString());
          if (pending.get(pv) != null) {
            q.put("page_token", pending.get(pv));
          }
        }
        JsonNode results = post("/v1/querybatch", body).path("results");
        if (!results.isArray() || results.size() != order.size()) {
          throw new AdvisoryDatabaseException(
              "OSV querybatch answered " + results.size() + " results for " + order.size() + " queries",
              baseUrl + "/v1/querybatch", 0, null);
        }
        pending.clear();
        for (int i = 0; i < order.size(); i++) {
          JsonNode r = results.get(i);
          Set<String> found = ids.computeIfAbsent(order.get(i), k -> new LinkedHashSet<>());
          r.path("vulns").forEach(v -> found.add(v.path("id").asText()));
          String token = r.path("next_page_token").asText("");
          if (!token.isEmpty()) {
            pending.put(order.get(i), token);
          }
        }
      }
    }
    Set<String> needed = new LinkedHashSet<>();
    ids.values().forEach(needed::addAll);
    fetchAll(needed);
    Map<PackageVersion, List<OsvRecord>> out = new LinkedHashMap<>();
    for (PackageVersion pv : all) {
      out.put(pv, ids.getOrDefault(pv, Set.of()).stream().map(byId::get).filter(r -> !r.withdrawn).toList());
    }
    return out;
  }

  private void fetchAll(Set<String> idsToFetch) {
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (String id : idsToFetch) {
      if (!byId.containsKey(id)) {
        futures.add(CompletableFuture.runAsync(() -> byId.put(id, OsvRecord.parse(get("/v1/vulns/" + id))), executor));
      }
    }
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  @Override
  public List<OsvRecord> recordsFor(ProjectName project) {
    List<OsvRecord> cached = byProject.get(project);
    if (cached != null) {
      return cached;
    }
    List<OsvRecord> records = new ArrayList<>();
    String token = "";
    do {
      ObjectNode body = json.createObjectNode();
      body.putObject("package").put("name", project.normalized()).put("ecosystem", OsvRecord.ECOSYSTEM);
      if (!token.isEmpty()) {
        body.put("page_token", token);
      }
      JsonNode answer = post("/v1/query", body);
      for (JsonNode v : answer.path("vulns")) {
        OsvRecord r = OsvRecord.parse(v);
        byId.putIfAbsent(r.id, r);
        records.add(r);
      }
      token = answer.path("next_page_token").asText("");
    } while (!token.isEmpty());
    List<OsvRecord> result = List.copyOf(records);
    byProject.put(project, result);
    return result;
  }

  private JsonNode post(String path, JsonNode body) {
    try {
      return call(new Request.Builder().url(baseUrl + path)
          .post(RequestBody.create(json.writeValueAsBytes(body), JSON)).build());
    } catch (IOException e) {
      throw new AdvisoryDatabaseException("cannot encode OSV query", baseUrl + path, 0, e);
    }
  }

  private JsonNode get(String path) {
    return call(new Request.Builder().url(baseUrl + path).get().build());
  }

  /**
   * Sends {@code request}; a 5xx answer or an I/O failure is tried again up to {@code retries}
   * times, waiting {@code backoff}, then twice that, …; a 4xx answer is final.
   */
  private JsonNode call(Request request) {
    for (int attempt = 0; ; attempt++) {
      try {
        return callOnce(request);
      } catch (AdvisoryDatabaseException e) {
        boolean transient_ = e.status().map(s -> s >= 500).orElse(e.getCause() instanceof IOException);
        if (!transient_ || attempt >= retries) {
          throw e;
        }
        try {
          Thread.sleep(backoff.multipliedBy(1L << Math.min(attempt, 10)).toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private JsonNode callOnce(Request request) {
    String url = request.url().toString();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new AdvisoryDatabaseException(
            "OSV answered HTTP " + response.code() + " for " + request.method() + " " + url, url, response.code(), null);
      }
      byte[] body = response.body().bytes();
      try {
        return json.readTree(body);
      } catch (JsonProcessingException e) {
        throw new AdvisoryDatabaseException(
            "OSV answered malformed JSON for " + request.method() + " " + url + ": " + e.getOriginalMessage(), url,
            0, null);
      }
    } catch (IOException e) {
      throw new AdvisoryDatabaseException("cannot reach OSV at " + url + ": " + e.getMessage(), url, 0, e);
    }
  }

  @Override
  public void close() {}
}
