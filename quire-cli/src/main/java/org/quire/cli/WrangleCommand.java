package org.quire.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.quire.app.Quire;
import org.quire.model.TagType;
import org.quire.store.WorkStore;
import org.quire.tags.TagRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quire wrangle}: tag synonyms and meta tags, as AO3's tag wranglers keep them. */
@Command(
    name = "wrangle",
    description = {
      "Make a tag a synonym of a canonical tag or put it under a meta tag, or take that back.",
      "Works using the tag are re-indexed at once, so search filters follow it.",
      "  quire wrangle synonym character \"William the Bloody\" Spike",
      "  quire wrangle parent additional Fluff \"Light Reading\"",
      "  quire wrangle remove-synonym character \"William the Bloody\" Spike",
      "  quire wrangle remove-parent additional Fluff \"Light Reading\"",
      "  quire wrangle list      (also while the archive is being served)"
    })
final class WrangleCommand implements Callable<Integer> {
  @ParentCommand QuireCli parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "synonym, parent, remove-synonym, remove-parent or list")
  String action;

  @Parameters(
      index = "1",
      arity = "0..1",
      description = "Tag type: fandom, character, relationship, additional, …")
  String type;

  @Parameters(index = "2", arity = "0..1", description = "The synonym, or the child tag")
  String name;

  @Parameters(index = "3", arity = "0..1", description = "The canonical tag, or the meta tag")
  String target;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (action.equals("list")) {
      // The store alone, not the index: this works beside a running server.
      try (WorkStore store = Quire.openStore(parent.existing())) {
        if (store.tagRules().isEmpty()) {
          out.println("No tag rules yet: the knowledge packs' synonyms and meta tags apply.");
        }
        for (TagRule r : store.tagRules()) {
          out.printf(
              "%-14s %s %s %s%n",
              r.type().key(),
              r.name(),
              r.relation() == TagRule.Relation.SYNONYM_OF ? "=>" : "under",
              r.target());
        }
      }
      return 0;
    }
    boolean remove = action.startsWith("remove-");
    TagRule.Relation relation =
        switch (remove ? action.substring(7) : action) {
          case "synonym" -> TagRule.Relation.SYNONYM_OF;
          case "parent" -> TagRule.Relation.CHILD_OF;
          default -> null;
        };
    if (relation == null || type == null || name == null || target == null) {
      err.println(
          "Usage: quire wrangle [remove-]synonym|[remove-]parent TYPE NAME TARGET, or quire"
              + " wrangle list");
      return 2;
    }
    try (Quire quire = Quire.open(parent.existing())) {
      TagType t;
      try {
        t = TagType.fromKey(type);
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage() + " Types: fandom, character, relationship, additional, …");
        return 2;
      }
      TagRule rule;
      try {
        rule = new TagRule(t, name, relation, target);
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return 2;
      }
      if (remove) {
        int n = quire.unwrangle(rule);
        if (n < 0) {
          err.printf(
              "There is no such rule: %s \"%s\" %s \"%s\" (see quire wrangle list).%n",
              t.key(), name, relation == TagRule.Relation.SYNONYM_OF ? "=>" : "under", target);
          return 1;
        }
        out.printf(
            "Removed: %s \"%s\" %s \"%s\"; %d works re-indexed.%n",
            t.key(), name, relation == TagRule.Relation.SYNONYM_OF ? "=>" : "under", target, n);
        return 0;
      }
      int n;
      try {
        n = quire.wrangle(rule);
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return 2;
      }
      out.printf(
          "%s %s \"%s\" %s \"%s\"; %d works re-indexed.%n",
          relation == TagRule.Relation.SYNONYM_OF ? "Synonym:" : "Meta tag:",
          t.key(),
          name,
          relation == TagRule.Relation.SYNONYM_OF ? "means" : "is under",
          target,
          n);
    }
    return 0;
  }
}
