package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.AttributePath;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.filter.FilterEvaluator;
import dev.roster.scim.core.filter.FilterParser;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.core.port.out.SortSpec;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.schema.ResolvedAttribute;

import java.util.Locale;
import java.util.Optional;

/**
 * A search's raw parameters as a store query (RFC 7644 §3.4.2): the filter parsed and checked against the schemas
 * ({@code 400 invalidFilter}), {@code sortBy}/{@code sortOrder} resolved ({@code 400 invalidValue}),
 * {@code startIndex} below 1 read as 1, a negative {@code count} as 0, and {@code count} capped at
 * {@link ScimUsers#MAX_RESULTS}. SCIM searches and the admin's user list read parameters the same way.
 */
final class SearchQueries {

    private SearchQueries() {
    }

    static UserQuery toQuery(SearchRequest request, Optional<SortSpec> defaultSort, boolean includeHidden,
                             UserQuery.Pending pending) {
        Optional<Filter> filter = request.filter().filter(text -> !text.isBlank()).map(SearchQueries::filterOf);
        Optional<SortSpec> sort = request.sortBy().filter(text -> !text.isBlank())
                .map(sortBy -> new SortSpec(sortPath(sortBy), ascending(request.sortOrder())))
                .or(() -> defaultSort);
        int startIndex = Math.max(1, request.startIndex().orElse(1));
        int count = Math.min(ScimUsers.MAX_RESULTS, Math.max(0, request.count().orElse(ScimUsers.MAX_RESULTS)));
        return new UserQuery(filter, sort, startIndex, count, includeHidden, pending);
    }

    private static Filter filterOf(String text) {
        Filter filter = FilterParser.parse(text);
        FilterEvaluator.of(filter);
        return filter;
    }

    private static AttrPath sortPath(String sortBy) {
        String path = sortBy.strip();
        if (!AttributePath.isWellFormed(path)) {
            throw ScimException.invalidValue("sortBy '" + sortBy + "' is no attribute path: write [schema URN:]"
                    + "attribute[.subAttribute], such as name.familyName.");
        }
        ResolvedAttribute resolved = AttributePath.resolve(path)
                .orElseThrow(() -> ScimException.invalidValue("sortBy '" + sortBy + "' names no attribute of User."));
        if (resolved.attribute().isComplex() && resolved.subAttribute().isEmpty() && !resolved.multiValued()) {
            throw ScimException.invalidValue("sortBy '" + sortBy + "' names a complex attribute; name one of its "
                    + "sub-attributes, such as name.familyName.");
        }
        return new AttrPath(resolved.extension() ? Optional.of(resolved.schemaUrn()) : Optional.empty(),
                resolved.attribute().name(), resolved.subAttribute().map(sub -> sub.name()));
    }

    private static boolean ascending(Optional<String> sortOrder) {
        String order = sortOrder.map(text -> text.strip().toLowerCase(Locale.ROOT)).orElse("ascending");
        return switch (order) {
            case "ascending" -> true;
            case "descending" -> false;
            default -> throw ScimException.invalidValue("sortOrder must be ascending or descending, not '"
                    + sortOrder.orElse("") + "'.");
        };
    }
}
