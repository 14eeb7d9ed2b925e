// __name__: its own database. Migrations are written with `npm run migration:new -- __name__ <name>`
// and applied by the project's own migrator at start-up (see packages/database), never by `prisma migrate`.

generator client {
  provider     = "prisma-client"
  output       = "../src/generated/prisma"
  engineType   = "client"
  moduleFormat = "cjs"
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model __Entity__ {
  id        String   @id @db.Uuid
  agencyId  String   @map("agency_id") @db.Uuid
  title     String
  createdAt DateTime @map("created_at") @db.Timestamptz(3)

  @@index([agencyId, createdAt])
  @@map("__entity_snake__")
}

/// Who changed what, when, before and after (DOMAIN.md: every state change is audited).
model AuditLog {
  id          String   @id @default(uuid()) @db.Uuid
  occurredAt  DateTime @default(now()) @map("occurred_at") @db.Timestamptz(3)
  actorUserId String?  @map("actor_user_id")
  requestId   String?  @map("request_id")
  agencyId    String?  @map("agency_id") @db.Uuid
  action      String
  entityType  String   @map("entity_type")
  entityId    String   @map("entity_id")
  before      Json?
  after       Json?

  @@index([entityType, entityId])
  @@index([agencyId, occurredAt])
  @@map("audit_log")
}

/// Events written in the transaction of the change; the relay publishes them.
model OutboxEvent {
  id          String    @id @db.Uuid
  seq         BigInt    @unique @default(autoincrement())
  topic       String
  key         String
  type        String
  envelope    Json
  createdAt   DateTime  @default(now()) @map("created_at") @db.Timestamptz(3)
  publishedAt DateTime? @map("published_at") @db.Timestamptz(3)

  @@index([publishedAt, seq])
  @@map("outbox_event")
}

/// Events this service has handled, written with the handler's changes: a redelivery has no second effect.
model ProcessedEvent {
  eventId     String   @map("event_id") @db.Uuid
  consumer    String
  processedAt DateTime @default(now()) @map("processed_at") @db.Timestamptz(3)

  @@id([eventId, consumer])
  @@index([processedAt])
  @@map("processed_event")
}
