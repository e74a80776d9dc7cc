package org.openutm.verification.report;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** A scenario's Markdown docs as HTML (CommonMark with GitHub tables); raw HTML in the docs is shown as text. */
final class Markdown {
  private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
      .sanitizeUrls(true).build();

  private Markdown() {
  }

  static String html(String markdown) {
    return HTML.render(PARSER.parse(markdown == null ? "" : markdown));
  }
}
