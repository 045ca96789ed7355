package dev.roster.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few calls the benchmark makes to a reference server outside the measured runs. */
final class ScimClient {

    static final String SITE_BASE = "/c/demo/auth/scim/v2";
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ITEMS = Pattern.compile("\"itemsPerPage\"\\s*:\\s*(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("\"totalResults\"\\s*:\\s*(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;

    ScimClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A new SCIM token for site 'demo', through the admin API (the way the startup banner tells). */
    String rotateToken(String adminPassword) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/c/demo/admin/api/scim-token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return match(TOKEN, expect(200, 201, response));
    }

    /** Every user id of site 'demo', in the server's order, paging with the largest page it serves. */
    List<String> allIds(String token) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        long total = Long.MAX_VALUE;
        while (ids.size() < total) {
            String page = get(token, SITE_BASE + "/Users?attributes=id&count=1000&startIndex=" + (ids.size() + 1));
            total = Long.parseLong(match(TOTAL, page));
            int items = Integer.parseInt(match(ITEMS, page));
            Matcher matcher = ID.matcher(page);
            int found = 0;
            while (matcher.find()) {
                ids.add(matcher.group(1));
                found++;
            }
            if (found != items || items == 0) {
                throw new IllegalStateException("a page of " + items + " users had " + found + " ids");
            }
        }
        return ids;
    }

    static String lookupPath(String userName) {
        return SITE_BASE + "/Users?filter=" + URLEncoder.encode("userName eq \"" + userName + "\"",
                StandardCharsets.UTF_8).replace("+", "%20");
    }

    String get(String token, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .header("Authorization", "Bearer " + token).header("Accept", "application/scim+json")
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        return expect(200, 200, response);
    }

    private static String expect(int status, int orStatus, HttpResponse<String> response) {
        if (response.statusCode() != status && response.statusCode() != orStatus) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer: " + body);
        }
        return matcher.group(1);
    }
}
