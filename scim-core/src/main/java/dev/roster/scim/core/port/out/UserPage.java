package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.User;

import java.util.List;

/** One page of search results: the users of the page, the total number of matches, and the page's 1-based start. */
public record UserPage(List<User> users, long totalResults, int startIndex) {

    public UserPage {
        users = List.copyOf(users);
    }
}
