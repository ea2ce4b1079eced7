package org.quire.tags;

import org.quire.model.TagType;
import org.quire.model.Validate;

/**
 * One tag-wrangling decision made by an archive keeper: a spelling is a synonym of a canonical tag,
 * or a tag belongs under a parent (meta) tag. Rules add to what the knowledge packs already say.
 *
 * @param type the kind of tag both names are
 * @param name the synonym, or the child tag
 * @param relation how {@code name} relates to {@code target}
 * @param target the canonical tag, or the parent tag
 */
public record TagRule(TagType type, String name, Relation relation, String target) {

  /** How a rule's two tags relate. */
  public enum Relation {
    /** {@code name} means {@code target}; works tagged with it are found under the target. */
    SYNONYM_OF,
    /** {@code target} is a meta tag covering {@code name}. */
    CHILD_OF;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Relation fromKey(String key) {
      return valueOf(Validate.notNull(key, "relation").toUpperCase(java.util.Locale.ROOT));
    }
  }

  public TagRule {
    Validate.notNull(type, "type");
    Validate.notBlank(name, "name");
    Validate.notNull(relation, "relation");
    Validate.notBlank(target, "target");
    name = name.strip();
    target = target.strip();
    Validate.isTrue(
        !TagWrangler.key(name).equals(TagWrangler.key(target)),
        "a tag cannot be wrangled to itself",
        name);
  }
}
