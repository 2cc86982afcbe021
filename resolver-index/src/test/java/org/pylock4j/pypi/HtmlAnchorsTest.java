package org.pylock4j.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlAnchorsTest {

  @Test
  void readsAttributesInEveryQuotingStyleAndDecodesReferences() {
    HtmlAnchors.Page page = HtmlAnchors.parse("""
        <!DOCTYPE html><html><head>
        <meta name="pypi:repository-version" content="1.1">
        <base href="https://files.example/base/">
        </head><body>
        <!-- <a href="commented-out.whl">no</a> -->
        <A HREF='a-1.0.tar.gz#sha256=AB' data-requires-python="&gt;=3.8,&lt;4" data-yanked>a-1.0.tar.gz</A><br/>
        <a href=b-1.0-py3-none-any.whl data-yanked="broken &amp; bad" data-core-metadata=sha256=cd>b <b>1.0</b></a>
        <script>var s = "<a href='in-script.whl'>";</script>
        <a href="c-1.0.zip">unclosed
        </body></html>
        """);
    assertEquals("https://files.example/base/", page.baseHref());
    assertEquals("1.1", page.meta().get("pypi:repository-version"));
    List<HtmlAnchors.Anchor> anchors = page.anchors();
    assertEquals(3, anchors.size());
    assertEquals("a-1.0.tar.gz#sha256=AB", anchors.get(0).attribute("href"));
    assertEquals(">=3.8,<4", anchors.get(0).attribute("data-requires-python"));
    assertEquals("", anchors.get(0).attribute("data-yanked"));
    assertEquals("a-1.0.tar.gz", anchors.get(0).text());
    assertEquals("broken & bad", anchors.get(1).attribute("data-yanked"));
    assertEquals("sha256=cd", anchors.get(1).attribute("data-core-metadata"));
    assertEquals("b 1.0", anchors.get(1).text());
    assertEquals("c-1.0.zip", anchors.get(2).attribute("href"));
    assertNull(anchors.get(2).attribute("data-yanked"));
  }

  @Test
  void survivesBrokenMarkup() {
    HtmlAnchors.Page page = HtmlAnchors.parse("<a href=\"x.whl\" <<< < a> <a href='unterminated");
    assertEquals("x.whl", page.anchors().get(0).attribute("href"));
    assertEquals(2, page.anchors().size());
  }

  @Test
  void decodesNumericReferences() {
    assertEquals("<>&'\u00e9", HtmlAnchors.decode("&#60;&#x3E;&amp;&#39;&eacute;".replace("&eacute;", "&#233;")));
    assertEquals("&unknown; & x", HtmlAnchors.decode("&unknown; & x"));
  }
}
