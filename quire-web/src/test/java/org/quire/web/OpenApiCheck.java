package org.quire.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against an OpenAPI 3.0 schema: $ref, type, nullable, enum, required,
 * properties (and no undocumented ones), additionalProperties and items. Enough to keep the
 * published description honest about every real response.
 */
final class OpenApiCheck {
  private final JsonNode spec;

  OpenApiCheck(JsonNode spec) {
    this.spec = spec;
  }

  /** Problems found, as "path: what"; empty when the value fits. */
  List<String> check(JsonNode value, String schemaName) {
    List<String> out = new ArrayList<>();
    check(value, spec.at("/components/schemas/" + schemaName), "$", out);
    return out;
  }

  private void check(JsonNode v, JsonNode schema, String at, List<String> out) {
    if (schema.has("$ref")) {
      check(v, spec.at(schema.get("$ref").asText().substring(1)), at, out);
      return;
    }
    if (v.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) {
        out.add(at + ": null but not nullable");
      }
      return;
    }
    String type = schema.path("type").asText("");
    boolean ok =
        switch (type) {
          case "object" -> v.isObject();
          case "array" -> v.isArray();
          case "string" -> v.isTextual();
          case "integer" -> v.isIntegralNumber();
          case "number" -> v.isNumber();
          case "boolean" -> v.isBoolean();
          default -> true;
        };
    if (!ok) {
      out.add(at + ": expected " + type + ", got " + v.getNodeType());
      return;
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode e : schema.get("enum")) {
        found |= e.equals(v);
      }
      if (!found) {
        out.add(at + ": " + v + " not in " + schema.get("enum"));
      }
    }
    if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        check(v.get(i), schema.path("items"), at + "[" + i + "]", out);
      }
    }
    if (v.isObject()) {
      for (JsonNode r : schema.path("required")) {
        if (!v.has(r.asText())) {
          out.add(at + ": missing required " + r.asText());
        }
      }
      JsonNode props = schema.path("properties");
      JsonNode additional = schema.get("additionalProperties");
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (props.has(f.getKey())) {
          check(f.getValue(), props.get(f.getKey()), at + "." + f.getKey(), out);
        } else if (additional != null && additional.isObject()) {
          check(f.getValue(), additional, at + "." + f.getKey(), out);
        } else {
          out.add(at + ": undocumented property " + f.getKey());
        }
      }
    }
  }
}
