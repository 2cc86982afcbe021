package org.pylock4j.metadata;

/**
 * One PEP 425 compatibility tag, e.g. {@code cp312-cp312-manylinux_2_17_x86_64}. Lower case.
 *
 * @param interpreter e.g. {@code cp312}, {@code py3}
 * @param abi e.g. {@code cp312}, {@code abi3}, {@code none}
 * @param platform e.g. {@code manylinux_2_17_x86_64}, {@code any}
 */
public record Tag(String interpreter, String abi, String platform) {

  /** Parses {@code interpreter-abi-platform}. */
  public static Tag parse(String text) {
    throw new UnsupportedOperationException("stub");
  }

  @Override
  public String toString() {
    return interpreter + "-" + abi + "-" + platform;
  }
}
