package dev.roster.scim.mybatis.internal.mapper;

import java.util.Objects;

/**
 * What an update reads of the stored row first: its {@code user_name_key} and {@code user_name_duplicate} (0 for the
 * user that holds the key, a rank above 0 for a user whose stored userName the profile of ADR 014 maps onto another
 * user's key, kept by migration 4); whether the stored document is the one about to be written (so that unchanged
 * email rows stay as they are); and its {@code external_id} and {@code pending}, so that an update that keeps all
 * three indexed values can leave their indexes alone (ADR 056).
 */
public record UserNameKeyRow(String key, int duplicate, boolean sameDocument, String externalId, boolean pending) {

    /** Whether {@code row} has this stored row's userName key, externalId and pending flag. */
    public boolean keysKeptBy(UserRow row) {
        return key.equals(row.userNameKey()) && Objects.equals(externalId, row.externalId()) && pending == row.pending();
    }
}
