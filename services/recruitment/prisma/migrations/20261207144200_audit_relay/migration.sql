-- Every audit row is relayed to identity's audit trail as a 'recruitment.audit.recorded' event: this
-- trigger writes the event into the outbox in the transaction that wrote the audit row, so no
-- change is left out of the readable trail whichever code path recorded it. The envelope is the
-- one of @kinerja/events (EVENT_CATALOGUE['recruitment.audit.recorded']); a row of no agency travels
-- with the nil UUID as the envelope's agency.
CREATE FUNCTION "relay_audit_row"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  event_id UUID := gen_random_uuid();
  occurred TEXT := to_char(NEW."occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
BEGIN
  INSERT INTO "outbox_event" ("id", "topic", "key", "type", "envelope")
  VALUES (
    event_id,
    'recruitment.audit.recorded',
    NEW."entity_type" || ':' || NEW."entity_id",
    'recruitment.audit.recorded',
    jsonb_build_object(
      'id', event_id,
      'type', 'recruitment.audit.recorded',
      'version', 1,
      'agencyId', coalesce(NEW."agency_id", '00000000-0000-0000-0000-000000000000'::uuid),
      'occurredAt', occurred,
      'producer', 'recruitment',
      'traceparent', NULL,
      'payload', jsonb_build_object(
        'auditId', NEW."id",
        'occurredAt', occurred,
        'actorUserId', NEW."actor_user_id",
        'requestId', NEW."request_id",
        'agencyId', NEW."agency_id",
        'action', NEW."action",
        'entityType', NEW."entity_type",
        'entityId', NEW."entity_id",
        'before', NEW."before",
        'after', NEW."after"
      )
    )
  );
  RETURN NEW;
END;
$$;

CREATE TRIGGER "audit_log_relay" AFTER INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION "relay_audit_row"();
