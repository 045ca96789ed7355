package dev.roster.scim.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code Resources[0].emails[0].value} or {@code ["urn:…:enterprise:2.0:User"].manager.value} style paths
 * from a JSON tree, as the IdP fixtures write them (docs/idp/fixture-format.md). A missing step gives a
 * {@link MissingNode}.
 */
public final class JsonPaths {

    private JsonPaths() {
    }

    public static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (Object step : steps(path)) {
            if (node == null || node.isMissingNode()) {
                return MissingNode.getInstance();
            }
            node = step instanceof Integer index ? node.path(index) : node.path((String) step);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                String inside = path.substring(i + 1, close);
                if (inside.startsWith("\"")) {
                    int end = path.indexOf("\"]", i + 2);
                    steps.add(path.substring(i + 2, end));
                    i = end + 2;
                } else {
                    steps.add(Integer.parseInt(inside));
                    i = close + 1;
                }
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                steps.add(path.substring(i, end));
                i = end;
            }
        }
        return steps;
    }
}
