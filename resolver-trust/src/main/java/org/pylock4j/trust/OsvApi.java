package org.pylock4j.trust;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.pylock4j.error.IndexException;
import org.pylock4j.pypi.internal.Http;
import org.pylock4j.requirement.ProjectName;

/**
 * The OSV API (https://google.github.io/osv.dev/api/): {@code POST /v1/querybatch} to learn which
 * vulnerabilities affect each package version, {@code GET /v1/vulns/{id}} for their details, and
 * {@code POST /v1/query} with a package and no version for every vulnerability of a project.
 * Follows {@code next_page_token}. Records are cached for the life of the instance.
 *
 * <p>Requests go through resolver-index's {@link Http}, the client the indexes use: the same
 * proxies, CA bundle, logins (from the base URL's userinfo), retries, total deadline per request
 * and redaction. Every answer is bounded in size and must have the shape the API documents; one
 * that does not fails closed with an {@link AdvisoryDatabaseException} naming the URL.
 */
final class OsvApi implements AdvisorySource {

  /** OSV answers at most this many queries per batch. */
  static final int BATCH = 1000;

  /** The most pages of one query followed ({@code next_page_token}); more is a hostile answer. */
  static final int MAX_PAGES = 100;

  private final String baseUrl;
  private final Http http;
  private final ObjectMapper json;
  private final Executor executor;
  private final long maxBytes;
  private final String limitName;
  private final Map<String, OsvRecord> byId = new ConcurrentHashMap<>();
  private final Map<ProjectName, List<OsvRecord>> byProject = new ConcurrentHashMap<>();

  /**
   * @param baseUrl the API's base URL, without credentials
   * @param maxBytes the largest answer accepted, named {@code limitName} in the message
   */
  OsvApi(String baseUrl, Http http, ObjectMapper json, Executor executor, long maxBytes,
      String limitName) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.http = http;
    this.json = json;
    this.executor = executor;
    this.maxBytes = maxBytes;
    this.limitName = limitName;
  }

  @Override
  public Map<PackageVersion, List<OsvRecord>> affecting(Collection<PackageVersion> packages) {
    List<PackageVersion> all = List.copyOf(new LinkedHashSet<>(packages));
    Map<PackageVersion, Set<String>> ids = new LinkedHashMap<>();
    for (int from = 0; from < all.size(); from += BATCH) {
      List<PackageVersion> batch = all.subList(from, Math.min(all.size(), from + BATCH));
      Map<PackageVersion, String> pending = new LinkedHashMap<>();
      batch.forEach(pv -> pending.put(pv, null));
      for (int page = 0; !pending.isEmpty(); page++) {
        if (page >= MAX_PAGES) {
          throw illShaped("/v1/querybatch", "more than " + MAX_PAGES + " pages of results");
        }
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
          throw illShaped("/v1/querybatch", "answered " + results.size() + " results for "
              + order.size() + " queries");
        }
        pending.clear();
        for (int i = 0; i < order.size(); i++) {
          JsonNode r = results.get(i);
          if (!r.isObject()) {
            throw illShaped("/v1/querybatch", "result " + i + " is not an object");
          }
          Set<String> found = ids.computeIfAbsent(order.get(i), k -> new LinkedHashSet<>());
          for (JsonNode v : vulns(r, "/v1/querybatch")) {
            if (!v.path("id").isTextual() || !v.path("id").asText().matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")) {
              throw illShaped("/v1/querybatch", "a vulnerability of result " + i + " has no usable id");
            }
            found.add(v.path("id").asText());
          }
          String token = pageToken(r, "/v1/querybatch");
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
        String path = "/v1/vulns/" + id;
        futures.add(CompletableFuture.runAsync(() -> byId.put(id, record(get(path), path)), executor));
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
    int page = 0;
    do {
      if (page++ >= MAX_PAGES) {
        throw illShaped("/v1/query", "more than " + MAX_PAGES + " pages of results");
      }
      ObjectNode body = json.createObjectNode();
      body.putObject("package").put("name", project.normalized()).put("ecosystem", OsvRecord.ECOSYSTEM);
      if (!token.isEmpty()) {
        body.put("page_token", token);
      }
      JsonNode answer = post("/v1/query", body);
      for (JsonNode v : vulns(answer, "/v1/query")) {
        OsvRecord r = record(v, "/v1/query");
        byId.putIfAbsent(r.id, r);
        records.add(r);
      }
      token = pageToken(answer, "/v1/query");
    } while (!token.isEmpty());
    List<OsvRecord> result = List.copyOf(records);
    byProject.put(project, result);
    return result;
  }

  /** The {@code vulns} of an answer: absent (none) or an array. */
  private JsonNode vulns(JsonNode answer, String path) {
    JsonNode vulns = answer.path("vulns");
    if (!vulns.isMissingNode() && !vulns.isArray()) {
      throw illShaped(path, "\"vulns\" is not an array");
    }
    return vulns;
  }

  /** The {@code next_page_token} of an answer: absent or a string; empty when there is none. */
  private String pageToken(JsonNode answer, String path) {
    JsonNode token = answer.path("next_page_token");
    if (!token.isMissingNode() && !token.isNull() && !token.isTextual()) {
      throw illShaped(path, "\"next_page_token\" is not a string");
    }
    return token.asText("");
  }

  private OsvRecord record(JsonNode node, String path) {
    try {
      return OsvRecord.parse(node);
    } catch (IllegalArgumentException e) {
      throw illShaped(path, "not an OSV record: " + e.getMessage());
    }
  }

  private AdvisoryDatabaseException illShaped(String path, String why) {
    String url = baseUrl + path;
    return new AdvisoryDatabaseException("OSV answered an unusable body for " + url + ": " + why,
        url, 0, null);
  }

  private JsonNode post(String path, JsonNode body) {
    byte[] bytes;
    try {
      bytes = json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new AdvisoryDatabaseException("cannot encode OSV query", baseUrl + path, 0, e);
    }
    return answer("POST", path, http.post(baseUrl + path, Http.Kind.OTHER, bytes,
        "application/json", maxBytes, limitName));
  }

  private JsonNode get(String path) {
    return answer("GET", path, http.get(baseUrl + path, Http.Kind.OTHER,
        Map.of("Accept", "application/json"), false, false, maxBytes, limitName));
  }

  /**
   * The JSON object of a successful answer. A 5xx, a 429 or an I/O failure was tried again by
   * {@link Http}; any failure left, an HTTP error, or a body that is not a JSON object fails
   * closed.
   */
  private JsonNode answer(String method, String path, CompletableFuture<Http.Result> call) {
    String url = baseUrl + path;
    Http.Result result;
    try {
      result = call.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof IndexException ie) {
        int status = ie.status().orElse(0);
        throw new AdvisoryDatabaseException(status > 0
            ? "OSV answered HTTP " + status + " for " + method + " " + url
            : "cannot reach OSV: " + ie.getMessage(), url, status, null);
      }
      throw new AdvisoryDatabaseException("cannot get an answer from OSV for " + method + " " + url
          + ": " + Http.describe(e.getCause()), url, 0, null);
    }
    if (result.code() < 200 || result.code() >= 300) {
      throw new AdvisoryDatabaseException(
          "OSV answered HTTP " + result.code() + " for " + method + " " + url, url, result.code(), null);
    }
    JsonNode node;
    try {
      node = json.readTree(result.body());
    } catch (java.io.IOException e) {
      String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : Http.describe(e);
      throw new AdvisoryDatabaseException(
          "OSV answered malformed JSON for " + method + " " + url + ": " + why, url, 0, null);
    }
    if (node == null || !node.isObject()) {
      throw illShaped(path, "not a JSON object");
    }
    return node;
  }

  @Override
  public void close() {
    http.close();
  }
}
