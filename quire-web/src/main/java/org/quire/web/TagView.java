package org.quire.web;

import java.util.List;
import org.quire.model.TagType;

/**
 * A tag in use, with what wrangling says about it, for the keepers' tag page.
 *
 * @param type its kind
 * @param name as spelt on works
 * @param works how many works carry it
 * @param canonical the tag it counts as
 * @param parents the meta tags above it, nearest first
 * @param known whether a pack or a rule knows it (false: a new tag to wrangle)
 */
public record TagView(
    TagType type, String name, int works, String canonical, List<String> parents, boolean known) {}
