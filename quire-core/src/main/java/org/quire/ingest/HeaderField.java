package org.quire.ingest;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The labelled lines of a story's header block ("Title:", "Pairing:", "Summary:" …). */
enum HeaderField {
  TITLE,
  AUTHOR,
  FANDOM,
  RATING,
  RELATIONSHIP,
  CHARACTERS,
  /** "Pairings/Characters: Buffy/Spike, Willow": pairings and characters in one list. */
  CAST,
  WARNINGS,
  /** "Content Warnings:": finer warnings, never read as AO3's archive warnings. */
  CONTENT_WARNINGS,
  CATEGORY,
  TAGS,
  SUMMARY,
  DISCLAIMER,
  LANGUAGE,
  /** "Status: Complete", "Chapters: 3/?", "Completed: 2020-01-01": whether the work is finished. */
  STATUS,
  /** Kept as a line of the work's notes: beta reader, spoilers, timeline, series. */
  NOTE_LINE,
  /** "Published: 2015-03-01": when the work was first posted, kept as its posted date. */
  PUBLISHED,
  /** Recognised but not kept: Quire computes these itself (word count, status, dates). */
  IGNORED;

  private static final Pattern LABELLED =
      Pattern.compile(
          "^\\s*(?:\\*\\*|__)?(\\p{L}[\\p{L}\\p{M}'’ /]{0,24}?)\\s*(?:\\*\\*|__)?\\s*[:：]\\s*(?:\\*\\*|__)?"
              + "\\s*(.*?)\\s*$");

  private static final Map<String, HeaderField> LABELS =
      Map.ofEntries(
          Map.entry("title", TITLE),
          Map.entry("story title", TITLE),
          Map.entry("author", AUTHOR),
          Map.entry("authors", AUTHOR),
          Map.entry("writer", AUTHOR),
          Map.entry("written by", AUTHOR),
          Map.entry("fandom", FANDOM),
          Map.entry("fandoms", FANDOM),
          Map.entry("rating", RATING),
          Map.entry("rated", RATING),
          Map.entry("pairing", RELATIONSHIP),
          Map.entry("pairings", RELATIONSHIP),
          Map.entry("relationship", RELATIONSHIP),
          Map.entry("relationships", RELATIONSHIP),
          Map.entry("ship", RELATIONSHIP),
          Map.entry("ships", RELATIONSHIP),
          Map.entry("character", CHARACTERS),
          Map.entry("characters", CHARACTERS),
          Map.entry("warning", WARNINGS),
          Map.entry("warnings", WARNINGS),
          Map.entry("archive warning", WARNINGS),
          Map.entry("archive warnings", WARNINGS),
          Map.entry("content warning", CONTENT_WARNINGS),
          Map.entry("content warnings", CONTENT_WARNINGS),
          Map.entry("content", CONTENT_WARNINGS),
          Map.entry("cw", CONTENT_WARNINGS),
          Map.entry("tw", CONTENT_WARNINGS),
          Map.entry("trigger warning", WARNINGS),
          Map.entry("trigger warnings", WARNINGS),
          Map.entry("category", CATEGORY),
          Map.entry("categories", CATEGORY),
          Map.entry("tags", TAGS),
          Map.entry("additional tags", TAGS),
          Map.entry("freeform", TAGS),
          Map.entry("freeforms", TAGS),
          Map.entry("genre", TAGS),
          Map.entry("genres", TAGS),
          Map.entry("summary", SUMMARY),
          Map.entry("disclaimer", DISCLAIMER),
          Map.entry("language", LANGUAGE),
          Map.entry("beta", NOTE_LINE),
          Map.entry("beta reader", NOTE_LINE),
          Map.entry("betaed by", NOTE_LINE),
          Map.entry("spoilers", NOTE_LINE),
          Map.entry("timeline", NOTE_LINE),
          Map.entry("setting", NOTE_LINE),
          Map.entry("series", NOTE_LINE),
          Map.entry("dedication", NOTE_LINE),
          Map.entry("archive", NOTE_LINE),
          Map.entry("feedback", NOTE_LINE),
          // Fests, exchanges and LiveJournal communities: who and what the story was for.
          Map.entry("recipient", NOTE_LINE),
          Map.entry("for", NOTE_LINE),
          Map.entry("written for", NOTE_LINE),
          Map.entry("dedicated to", NOTE_LINE),
          Map.entry("gift for", NOTE_LINE),
          Map.entry("prompt", NOTE_LINE),
          Map.entry("prompts", NOTE_LINE),
          Map.entry("prompted by", NOTE_LINE),
          Map.entry("request", NOTE_LINE),
          Map.entry("requested by", NOTE_LINE),
          Map.entry("challenge", NOTE_LINE),
          Map.entry("fest", NOTE_LINE),
          Map.entry("exchange", NOTE_LINE),
          Map.entry("inspired by", NOTE_LINE),
          Map.entry("crossover", NOTE_LINE),
          Map.entry("season", NOTE_LINE),
          Map.entry("seasons", NOTE_LINE),
          Map.entry("era", NOTE_LINE),
          Map.entry("universe", NOTE_LINE),
          Map.entry("song", NOTE_LINE),
          Map.entry("songs", NOTE_LINE),
          Map.entry("soundtrack", NOTE_LINE),
          Map.entry("thanks", NOTE_LINE),
          Map.entry("part", NOTE_LINE),
          Map.entry("type", NOTE_LINE),
          Map.entry("betas", NOTE_LINE),
          Map.entry("beta readers", NOTE_LINE),
          Map.entry("beta'd by", NOTE_LINE),
          Map.entry("betaed", NOTE_LINE),
          Map.entry("beta'd", NOTE_LINE),
          Map.entry("main characters", CHARACTERS),
          Map.entry("pairings/characters", CAST),
          Map.entry("pairing/characters", CAST),
          Map.entry("characters/pairings", CAST),
          Map.entry("characters/pairing", CAST),
          Map.entry("main character", CHARACTERS),
          Map.entry("length", IGNORED),
          Map.entry("date", IGNORED),
          Map.entry("date posted", PUBLISHED),
          Map.entry("first published", PUBLISHED),
          Map.entry("posted", PUBLISHED),
          Map.entry("word count", IGNORED),
          Map.entry("words", IGNORED),
          Map.entry("wordcount", IGNORED),
          Map.entry("status", STATUS),
          Map.entry("chapters", STATUS),
          Map.entry("published", PUBLISHED),
          Map.entry("updated", IGNORED),
          Map.entry("completed", STATUS));

  /**
   * The same labels as authors write them in other languages (Spanish, French, German, Italian,
   * Portuguese, Russian, Japanese, Chinese, Hebrew, Arabic): a header block in the story's own
   * language is a header, not the story's first paragraph.
   */
  private static final Map<String, HeaderField> TRANSLATED = translated();

  private static Map<String, HeaderField> translated() {
    Map<String, HeaderField> m = new java.util.HashMap<>();
    java.util.function.BiConsumer<HeaderField, String> put =
        (f, words) -> {
          for (String w : words.split("\\|")) {
            m.put(w, f);
          }
        };
    put.accept(
        TITLE,
        "título|titulo|titre|titel|titolo|название|заголовок|タイトル|題名|标题|標題|题目|כותרת"
            + "|العنوان|tytuł");
    put.accept(
        AUTHOR,
        "autor|autora|auteur|auteure|autrice|autorin|verfasser|autore|автор|作者|著者|מחבר|מחברת"
            + "|الكاتب|الكاتبة|المؤلف|المؤلفة");
    put.accept(FANDOM, "фандом|фэндом|原作|同人|פנדום|المعجبين");
    put.accept(
        RATING,
        "clasificación|clasificacion|calificación|classement|classification|bewertung"
            + "|altersfreigabe|einstufung|рейтинг|レーティング|年齢制限|分级|分級|评级|דירוג|التصنيف"
            + "|valutazione|classificação");
    put.accept(
        SUMMARY,
        "resumen|sinopsis|résumé|resume|zusammenfassung|inhalt|описание|саммари|аннотация"
            + "|あらすじ|概要|简介|簡介|摘要|תקציר|ملخص|riassunto|sinossi|resumo|sinopse");
    put.accept(
        WARNINGS,
        "advertencias|advertencia|avertissements|avertissement|warnungen|warnung|предупреждения"
            + "|предупреждение|警告|注意事項|אזהרות|تحذيرات|avvertenze|avisos");
    put.accept(
        RELATIONSHIP,
        "pareja|parejas|emparejamiento|couple|couples|paarung|пейринг|пейринги|пэйринг"
            + "|カップリング|配对|配對|cp|זוגיות|coppia|coppie|casal");
    put.accept(
        CHARACTERS,
        "personajes|personnages|charaktere|figuren|personaggi|personagens|персонажи|登場人物"
            + "|キャラクター|角色|人物|דמויות|الشخصيات");
    put.accept(LANGUAGE, "idioma|langue|sprache|lingua|язык|言語|语言|語言|שפה|اللغة");
    put.accept(
        TAGS,
        "etiquetas|étiquettes|schlagwörter|метки|теги|жанры|жанр|タグ|ジャンル|标签|標籤|תגיות"
            + "|الوسوم|género|géneros|genre|genres");
    put.accept(CATEGORY, "categoría|catégorie|kategorie|категория|направленность|カテゴリ|分类");
    put.accept(STATUS, "estado|statut|статус|状態|状态");
    put.accept(
        NOTE_LINE, "beta|бета|посвящение|dedicatoria|dédicace|widmung|serie|série|серия|シリーズ|系列");
    return Map.copyOf(m);
  }

  /**
   * A recognised labelled line.
   *
   * @param field which field
   * @param label the label as written ("Pairing")
   * @param value the text after the colon, possibly empty
   */
  record Line(HeaderField field, String label, String value) {}

  /** Whether a field's value may continue on the following lines. */
  boolean continues() {
    return this == SUMMARY || this == DISCLAIMER || this == NOTE_LINE;
  }

  /**
   * @return the labelled line, or null when the line is not a known header label
   */
  static Line parse(String line) {
    if (line.length() > 2000) {
      return null;
    }
    Matcher m = LABELLED.matcher(line);
    if (!m.matches()) {
      return null;
    }
    String label = m.group(1).strip().replace('’', '\'');
    String key = label.toLowerCase(Locale.ROOT);
    HeaderField f = LABELS.get(key);
    if (f == null) {
      f = TRANSLATED.get(java.text.Normalizer.normalize(key, java.text.Normalizer.Form.NFC));
    }
    return f == null ? null : new Line(f, label, m.group(2));
  }
}
