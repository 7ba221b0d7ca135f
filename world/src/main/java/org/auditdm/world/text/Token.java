package org.auditdm.world.text;

/**
 * One token of English input.
 *
 * @param text the token as written
 * @param lower lower-case form, used for matching
 * @param start 0-based offset in the input
 */
public record Token(String text, String lower, int start) {
    public boolean is(String word) {
        return lower.equals(word);
    }

    public boolean isNumber() {
        return !lower.isEmpty() && lower.chars().allMatch(Character::isDigit);
    }

    public boolean isPunct() {
        return lower.length() == 1 && !Character.isLetterOrDigit(lower.charAt(0));
    }
}
