package dev.roster.scim.mybatis.internal.mapper;

/** One row of {@code scim_exchanges}; the bodies redacted already, NULL when there was none. */
public record ExchangeRow(long id, String site, long at, String method, String path, int status, long durationMs,
                          String idp, String requestBody, String responseBody, String requestId) {
}
