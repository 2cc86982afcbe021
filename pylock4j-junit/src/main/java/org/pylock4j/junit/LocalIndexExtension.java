package org.pylock4j.junit;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;
import org.pylock4j.testing.SimpleIndexServer;

/**
 * The extension behind {@link LocalIndex}: starts a {@link SimpleIndexServer} per annotated
 * field or parameter and keeps it in the JUnit store of the class (static fields) or the test,
 * which closes it when that scope ends. Registered by the annotation itself.
 */
final class LocalIndexExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalIndexExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    inject(context, context.getRequiredTestClass(), null, true);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      inject(context, instance.getClass(), instance, false);
    }
  }

  private void inject(ExtensionContext context, Class<?> type, Object instance, boolean statics) {
    List<Field> fields = AnnotationSupport.findAnnotatedFields(
        type, LocalIndex.class,
        f -> ModifierSupport.isStatic(f) == statics, HierarchyTraversalMode.TOP_DOWN);
    for (Field field : fields) {
      if (Modifier.isFinal(field.getModifiers())) {
        throw new ExtensionConfigurationException("@LocalIndex field " + field.getDeclaringClass().getName()
            + "." + field.getName() + " must not be final");
      }
      LocalIndex annotation = field.getAnnotation(LocalIndex.class);
      String where = "field " + field.getDeclaringClass().getName() + "." + field.getName();
      SimpleIndexServer server = start(context, annotation, where);
      try {
        field.setAccessible(true);
        field.set(instance, value(server, field.getType(), where));
      } catch (IllegalAccessException e) {
        throw new ExtensionConfigurationException("cannot set @LocalIndex field " + field, e);
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.isAnnotated(LocalIndex.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalIndex annotation = parameter.findAnnotation(LocalIndex.class).orElseThrow();
    String where = "parameter " + parameter.getParameter();
    SimpleIndexServer server = start(context, annotation, where);
    try {
      return value(server, parameter.getParameter().getType(), where);
    } catch (ExtensionConfigurationException e) {
      throw new ParameterResolutionException(e.getMessage());
    }
  }

  private static SimpleIndexServer start(ExtensionContext context, LocalIndex annotation, String where) {
    Path root = directory(annotation.value(), where);
    SimpleIndexServer.Builder builder = SimpleIndexServer.builder(root);
    if (!annotation.user().isEmpty()) {
      builder.basicAuth(annotation.user(), annotation.password());
    } else if (!annotation.password().isEmpty()) {
      throw new ExtensionConfigurationException("@LocalIndex on " + where + ": a password needs a user");
    }
    SimpleIndexServer server = builder.start();
    // The store closes AutoCloseable values when its scope (class or test) ends.
    context.getStore(NAMESPACE).put(new Object(), server);
    return server;
  }

  static Path directory(String name, String where) {
    Path path = Path.of(name);
    if (Files.isDirectory(path)) {
      return path;
    }
    String resource = name.startsWith("/") ? name.substring(1) : name;
    URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
    if (url != null && url.getProtocol().equals("file")) {
      try {
        Path fromClassPath = Path.of(url.toURI());
        if (Files.isDirectory(fromClassPath)) {
          return fromClassPath;
        }
      } catch (URISyntaxException e) {
        // fall through to the error below
      }
    }
    throw new ExtensionConfigurationException("@LocalIndex on " + where + ": no directory " + name
        + " (relative to " + Path.of("").toAbsolutePath() + ", nor on the class path)");
  }

  private static Object value(SimpleIndexServer server, Class<?> type, String where) {
    if (type == String.class) {
      return server.indexUrl();
    }
    if (type == URI.class) {
      return URI.create(server.indexUrl());
    }
    if (type == SimpleIndexServer.class) {
      return server;
    }
    throw new ExtensionConfigurationException("@LocalIndex on " + where + ": type " + type.getName()
        + " is not String, URI or SimpleIndexServer");
  }
}
