package org.quire.web;

import static org.quire.export.ChapterRenderer.escape;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.quire.model.Tag;
import org.quire.model.WorkSummary;

/**
 * Atom documents: OPDS 1.2 catalogue feeds (navigation and acquisition, with facets and an
 * OpenSearch description) for e-reader apps such as KOReader, and plain Atom feeds of new works.
 * Every value is escaped; restricted works never reach here because feeds are built from the same
 * search as the pages.
 */
final class Feeds {
  static final String NAVIGATION = "application/atom+xml;profile=opds-catalog;kind=navigation";
  static final String ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition";
  static final String OPENSEARCH = "application/opensearchdescription+xml";

  private Feeds() {}

  /**
   * What covers are drawn as here: PNG, or SVG on a server whose JVM cannot draw text. Found once,
   * when the first feed is built.
   */
  private static final class CoverType {
    static final String VALUE =
        org.quire.export.Cover.of(new org.quire.export.Cover.Face("Quire", List.of(), List.of()))
            .mediaType();
  }

  /** A link of a feed: rel, href, type and optional title and facet attributes. */
  record Link(
      String rel, String href, String type, String title, String facetGroup, boolean active) {
    static Link of(String rel, String href, String type) {
      return new Link(rel, href, type, null, null, false);
    }
  }

  /** A navigation entry: a title, a short text, and where it leads. */
  record Nav(String id, String title, String content, String href, String type) {}

  /**
   * A navigation feed.
   *
   * @param start the catalogue's root: {@code /opds}, or {@code /opds/member} for members
   */
  static String navigation(
      String id, String title, String self, String start, Instant updated, List<Nav> entries) {
    StringBuilder b = head(id, title, self, start, NAVIGATION, updated, List.of());
    for (Nav n : entries) {
      b.append("<entry>\n<title>")
          .append(escape(n.title()))
          .append("</title>\n")
          .append("<id>")
          .append(escape(n.id()))
          .append("</id>\n")
          .append("<updated>")
          .append(time(updated))
          .append("</updated>\n")
          .append("<content type=\"text\">")
          .append(escape(n.content()))
          .append("</content>\n")
          .append("<link rel=\"subsection\" href=\"")
          .append(escape(n.href()))
          .append("\" type=\"")
          .append(n.type())
          .append("\"/>\n</entry>\n");
    }
    return b.append("</feed>\n").toString();
  }

  /**
   * Where a page of results sits in the whole (OpenSearch's {@code totalResults}, {@code
   * itemsPerPage} and {@code startIndex}, which OPDS readers show as "12 of 340").
   */
  record Page(long total, int perPage, long startIndex) {}

  /**
   * An acquisition feed.
   *
   * @param downloads where a work's files are, before {@code ID/download/epub}: {@code /works/} for
   *     everyone, {@code /opds/works/} for a signed-in reader, whose app sends its credentials only
   *     below the catalogue's address
   */
  static String acquisition(
      String id,
      String title,
      String self,
      String start,
      List<WorkSummary> works,
      List<Link> links,
      Page page,
      String downloads) {
    // Now: a work leaving the feed (deleted, hidden, muted) changes it as much as one arriving.
    Instant updated = Instant.now();
    StringBuilder b = head(id, title, self, start, ACQUISITION, updated, links);
    b.append("<opensearch:totalResults>")
        .append(page.total())
        .append("</opensearch:totalResults>\n<opensearch:itemsPerPage>")
        .append(page.perPage())
        .append("</opensearch:itemsPerPage>\n<opensearch:startIndex>")
        .append(page.startIndex())
        .append("</opensearch:startIndex>\n");
    for (WorkSummary w : works) {
      b.append("<entry>\n<title>")
          .append(escape(w.title()))
          .append("</title>\n")
          .append("<id>urn:quire:work:")
          .append(w.id())
          .append("</id>\n")
          .append("<updated>")
          .append(time(w.updatedAt() == null ? updated : w.updatedAt()))
          .append("</updated>\n");
      if (w.importedAt() != null) {
        b.append("<published>").append(time(w.importedAt())).append("</published>\n");
      }
      if (w.authors().isEmpty()) {
        b.append("<author><name>Anonymous</name></author>\n");
      }
      for (String a : w.authors()) {
        b.append("<author><name>").append(escape(a)).append("</name></author>\n");
      }
      if (w.language() != null) {
        // A BCP 47 tag ("en"), as Dublin Core asks, not the name shown on pages.
        String tag = org.quire.export.Languages.tag(w.language());
        if (!tag.equals("und")) {
          b.append("<dc:language>").append(escape(tag)).append("</dc:language>\n");
        }
      }
      for (Tag t : w.tags()) {
        b.append("<category scheme=\"urn:quire:tag:")
            .append(t.type().key())
            .append("\" term=\"")
            .append(escape(t.name()))
            .append("\" label=\"")
            .append(escape(t.name()))
            .append("\"/>\n");
      }
      String text =
          w.summary() != null && !w.summary().isBlank()
              ? w.summary()
              : Texts.opening(w.opening(), 320);
      b.append("<summary type=\"text\">")
          .append(escape(text))
          .append("</summary>\n")
          // What an e-reader app shows under the title: the blurb's rating, warnings and stats,
          // then the summary, as AO3's own listing gives them.
          .append("<content type=\"text\">")
          .append(escape(statsLine(w) + "\n\n" + text))
          .append("</content>\n")
          .append("<link rel=\"http://opds-spec.org/acquisition\" type=\"application/epub+zip\"")
          .append(" href=\"")
          .append(downloads)
          .append(w.id())
          .append("/download/epub\"/>\n")
          .append("<link rel=\"http://opds-spec.org/acquisition\" type=\"text/html\"")
          .append(" href=\"")
          .append(downloads)
          .append(w.id())
          .append("/download/html\"/>\n")
          .append("<link rel=\"http://opds-spec.org/image\" type=\"")
          .append(CoverType.VALUE)
          .append("\" href=\"")
          .append(downloads)
          .append(w.id())
          .append("/cover\"/>\n")
          .append("<link rel=\"http://opds-spec.org/image/thumbnail\" type=\"")
          .append(CoverType.VALUE)
          .append("\" href=\"")
          .append(downloads)
          .append(w.id())
          .append("/cover\"/>\n")
          .append("<link rel=\"alternate\" type=\"text/html\" href=\"/works/")
          .append(w.id())
          .append("\"/>\n</entry>\n");
    }
    return b.append("</feed>\n").toString();
  }

  /**
   * "Teen And Up Audiences · No Archive Warnings Apply · Words: 1,204 · Chapters: 2/? · Kudos: 3":
   * an OPDS entry's stats line.
   */
  static String statsLine(WorkSummary w) {
    List<String> parts = new java.util.ArrayList<>();
    parts.addAll(w.tagNames(org.quire.model.TagType.RATING));
    List<String> warnings = w.tagNames(org.quire.model.TagType.ARCHIVE_WARNING);
    if (!warnings.isEmpty()) {
      parts.add(String.join(", ", warnings));
    }
    parts.add("Words: " + Texts.number(w.wordCount()));
    parts.add(
        "Chapters: "
            + org.quire.model.Work.chapterLine(
                w.chapterCount(), w.complete(), w.expectedChapters()));
    if (w.language() != null) {
      parts.add("Language: " + w.language());
    }
    parts.add("Kudos: " + Texts.number(w.engagement().kudos()));
    parts.add("Hits: " + Texts.number(w.engagement().hits()));
    return String.join(" · ", parts);
  }

  private static StringBuilder head(
      String id,
      String title,
      String self,
      String start,
      String kind,
      Instant updated,
      List<Link> links) {
    StringBuilder b = new StringBuilder(4096);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
        .append(" xmlns:dc=\"http://purl.org/dc/terms/\"")
        .append(" xmlns:opds=\"http://opds-spec.org/2010/catalog\"")
        .append(" xmlns:opensearch=\"http://a9.com/-/spec/opensearch/1.1/\">\n")
        .append("<id>")
        .append(escape(id))
        .append("</id>\n")
        .append("<title>")
        .append(escape(title))
        .append("</title>\n")
        .append("<updated>")
        .append(time(updated))
        .append("</updated>\n")
        .append("<author><name>Quire</name></author>\n");
    b.append(link(Link.of("self", self, kind)));
    b.append(link(Link.of("start", start, NAVIGATION)));
    b.append(link(Link.of("search", start + "/opensearch.xml", OPENSEARCH)));
    links.forEach(l -> b.append(link(l)));
    return b;
  }

  private static String link(Link l) {
    StringBuilder b =
        new StringBuilder("<link rel=\"")
            .append(escape(l.rel()))
            .append("\" href=\"")
            .append(escape(l.href()))
            .append("\" type=\"")
            .append(escape(l.type()))
            .append('"');
    if (l.title() != null) {
      b.append(" title=\"").append(escape(l.title())).append('"');
    }
    if (l.facetGroup() != null) {
      b.append(" opds:facetGroup=\"").append(escape(l.facetGroup())).append('"');
      if (l.active()) {
        b.append(" opds:activeFacet=\"true\"");
      }
    }
    return b.append("/>\n").toString();
  }

  /**
   * The OpenSearch description of this archive, with absolute templates (the specification asks for
   * them, and some readers cannot resolve a relative one): {@code base} is the site's address, such
   * as {@code https://archive.example}. Browsers pick the HTML search page; OPDS readers the
   * acquisition feed.
   */
  static String openSearch(String siteName, String base, String catalogue) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n"
        + "<ShortName>"
        + escape(siteName.length() > 16 ? siteName.substring(0, 16) : siteName)
        + "</ShortName>\n"
        + "<Description>Search the works of "
        + escape(siteName)
        + "</Description>\n"
        + "<InputEncoding>UTF-8</InputEncoding>\n<OutputEncoding>UTF-8</OutputEncoding>\n"
        + "<Url type=\"text/html\" template=\""
        + escape(base)
        + "/search?q={searchTerms}\"/>\n"
        + "<Url type=\""
        + ACQUISITION
        + "\" template=\""
        + escape(base + catalogue)
        + "/works?q={searchTerms}\"/>\n"
        + "</OpenSearchDescription>\n";
  }

  static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
