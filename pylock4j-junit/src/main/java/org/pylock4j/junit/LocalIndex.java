package org.pylock4j.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Serves a directory as a Simple index (PEP 503 HTML and PEP 691 JSON) on 127.0.0.1 for a
 * test's duration, and injects where it is. The directory is in the static Simple layout: {@code
 * index.json}/{@code index.html} at the root and under one folder per project, beside the files
 * the pages name (see {@code org.pylock4j.testing.SimpleIndexServer}).
 *
 * <p>On a field or a parameter of type {@link String} or {@link java.net.URI} (the index URL,
 * {@code http://127.0.0.1:PORT/simple/}) or {@code SimpleIndexServer} (to count requests). A
 * static field's server lives for the test class, an instance field's and a parameter's for one
 * test; each is closed afterwards.
 *
 * <pre>{@code
 * class LockTest {
 *   @LocalIndex("src/test/resources/index") static String index;
 *
 *   @Test
 *   void locks(@LocalIndex(value = "src/test/resources/private", user = "ci", password = "pw") URI corp) {
 *     ...
 *   }
 * }
 * }</pre>
 */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(LocalIndexExtension.class)
public @interface LocalIndex {

  /**
   * The directory to serve: a path relative to the working directory (a Maven module's base
   * directory under Surefire), else a directory on the class path (a resource name).
   *
   * @return the directory, relative to the working directory or a class path resource
   */
  String value();

  /** {@return the user HTTP Basic authentication requires; by default none is required} */
  String user() default "";

  /** {@return the password HTTP Basic authentication requires with {@link #user()}} */
  String password() default "";
}
