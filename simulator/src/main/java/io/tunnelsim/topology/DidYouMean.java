package io.tunnelsim.topology;

import java.util.Collection;

/** Suggests the closest known word for a misspelt one (Levenshtein edit distance). */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** Edit distance with insertions, deletions and substitutions of one character each costing 1. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * The closest candidate if it is close enough to be a plausible typo (distance at most a third
     * of the word, at least 2; case differences are free), else {@code null}.
     */
    public static String closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int limit = Math.max(2, word.length() / 3);
        return bestDistance <= limit ? best : null;
    }

    /** {@code " (did you mean 'x'?)"} or a list of the valid choices when nothing is close. */
    public static String hint(String word, Collection<String> candidates) {
        String c = closest(word, candidates);
        if (c != null) {
            return " (did you mean '" + c + "'?)";
        }
        if (candidates.isEmpty()) {
            return "";
        }
        if (candidates.size() <= 12) {
            return " (expected one of: " + String.join(", ", candidates) + ")";
        }
        return "";
    }
}
