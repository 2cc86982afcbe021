package org.pylock4j.pypi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The certificate authorities of a PEM file, as a TLS trust manager (pip's {@code --cert}). */
record TrustedCertificates(SSLSocketFactory socketFactory, X509TrustManager trustManager) {

  /** At most this many bytes of PEM are read (the Mozilla bundle is about 220 KiB). */
  private static final int MAX_BYTES = 16 << 20;

  /**
   * Reads {@code pem}.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read or holds no certificate
   */
  static TrustedCertificates read(Path pem) {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(pem)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IllegalArgumentException("certificate file " + pem + " is larger than " + MAX_BYTES + " bytes");
      }
      certificates = CertificateFactory.getInstance("X.509")
          .generateCertificates(new java.io.ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the certificate file " + pem + ": "
          + Http.describe(e));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("certificate file " + pem + " is not PEM certificates ("
          + e.getMessage() + ")");
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("certificate file " + pem + " holds no certificate");
    }
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      X509TrustManager manager = null;
      for (TrustManager m : factory.getTrustManagers()) {
        if (m instanceof X509TrustManager x) {
          manager = x;
        }
      }
      if (manager == null) {
        throw new IllegalStateException("the JDK offers no X.509 trust manager");
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {manager}, null);
      return new TrustedCertificates(context.getSocketFactory(), manager);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot use the certificates of " + pem + ": " + e.getMessage());
    }
  }
}
