package io.tribune.account;

public enum UserStatus {
    ACTIVE, SUSPENDED, DEREGISTERED, DELETED
}
