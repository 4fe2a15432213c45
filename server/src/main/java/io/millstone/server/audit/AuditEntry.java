package io.millstone.server.audit;

/**
 * One change to record: what was done ({@code identity.user.create}), to which record, and a short
 * human summary of the change. Never put a secret in the summary.
 */
public record AuditEntry(String action, String entityType, String entityId, String summary) {}
