package org.allegationatlas.common;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * How many fields a document selects with every fragment spread expanded, counted without expanding
 * anything: each fragment is counted once and its count reused, so a "fragment bomb" of 1 KB that
 * expands to millions of fields (F1 = F0 F0, F2 = F1 F1, ...) is measured in microseconds. graphql-java's
 * own limits walk the expansion, which took the event loop for a minute on such a document.
 */
final class ExpandedFields {

    private final Map<String, FragmentDefinition> fragments = new HashMap<>();
    private final Map<String, Long> counted = new HashMap<>();
    private final Set<String> counting = new HashSet<>();

    private ExpandedFields(Document document) {
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
    }

    /** The fields of the operations asked (all of them when no name is given), saturating at Long.MAX_VALUE. */
    static long of(Document document, String operationName) {
        ExpandedFields counter = new ExpandedFields(document);
        long total = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            if (operationName == null || operationName.equals(operation.getName())) {
                total = add(total, counter.count(operation.getSelectionSet()));
            }
        }
        return total;
    }

    private long count(SelectionSet selections) {
        long total = 0;
        if (selections == null) {
            return total;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                total = add(total, add(1, count(field.getSelectionSet())));
            } else if (selection instanceof InlineFragment inline) {
                total = add(total, count(inline.getSelectionSet()));
            } else if (selection instanceof FragmentSpread spread) {
                total = add(total, fragment(spread.getName()));
            }
        }
        return total;
    }

    private long fragment(String name) {
        Long known = counted.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        if (definition == null || !counting.add(name)) {
            return 0; // unknown or cyclic: validation reports it
        }
        long total = count(definition.getSelectionSet());
        counting.remove(name);
        counted.put(name, total);
        return total;
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
