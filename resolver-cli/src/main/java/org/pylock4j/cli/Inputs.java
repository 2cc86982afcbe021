package org.pylock4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.pylock4j.input.DeclaredRequirement;
import org.pylock4j.input.RequirementsFile;
import org.pylock4j.input.ToolSettings;

/**
 * Everything read from the inputs of one run.
 *
 * @param roots the root requirements, in input order
 * @param constraints the constraints
 * @param hints index options found in requirements files
 * @param settings the [tool.pylock4j] settings of --project
 */
record Inputs(
    List<DeclaredRequirement> roots,
    List<DeclaredRequirement> constraints,
    Inputs.IndexHints hints,
    ToolSettings settings) {

  Inputs {
    roots = List.copyOf(roots);
    constraints = List.copyOf(constraints);
  }

  /** Index options of requirements files (--index-url, --extra-index-url, --pre, …). */
  static final class IndexHints {
    String indexUrl;
    final List<String> extraIndexUrls = new ArrayList<>();
    boolean noIndex;
    boolean prereleases;
    boolean onlyBinary;

    void add(RequirementsFile file) {
      file.indexUrl().ifPresent(url -> indexUrl = url);
      for (String url : file.extraIndexUrls()) {
        if (!extraIndexUrls.contains(url)) {
          extraIndexUrls.add(url);
        }
      }
      noIndex |= file.noIndex();
      prereleases |= file.prereleases();
      onlyBinary |= file.onlyBinary();
    }
  }
}
