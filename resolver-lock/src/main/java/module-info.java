/**
 * Input files (requirements files, pyproject.toml) and locks (PEP 751 pylock.toml,
 * requirements.txt with hashes): the lock model, its readers and writers, and verification.
 */
module org.pylock4j.lock {
  requires transitive org.pylock4j.api;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.toml;

  exports org.pylock4j.input;
  exports org.pylock4j.lock;
}
