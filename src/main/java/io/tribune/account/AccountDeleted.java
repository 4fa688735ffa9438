package io.tribune.account;

/** An account was deleted by its owner, fired in the deleting transaction: features erase what they kept for it. */
public record AccountDeleted(long userId) {
}
