-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "textNl" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "summaryNl" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "substantial" BOOLEAN NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" UUID,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyAcceptance" (
    "id" UUID NOT NULL,
    "memberId" UUID,
    "versionId" UUID NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PolicyAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_number_key" ON "PolicyVersion"("number");

-- CreateIndex
CREATE INDEX "PolicyVersion_substantial_number_idx" ON "PolicyVersion"("substantial", "number");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyAcceptance_memberId_versionId_key" ON "PolicyAcceptance"("memberId", "versionId");

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyAcceptance" ADD CONSTRAINT "PolicyAcceptance_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyAcceptance" ADD CONSTRAINT "PolicyAcceptance_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Published versions and acceptances are evidence: the application can add them but not change
-- or remove them. The only change allowed is detaching the member (publishedById/memberId to
-- NULL) when an account is deleted.
-- (The body is an E'' string with \x3b for semicolons: Prisma splits migrations at every raw semicolon.)
CREATE FUNCTION policy_records_append_only() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    IF TG_TABLE_NAME = ''PolicyAcceptance'' AND to_jsonb(NEW) ->> ''memberId'' IS NULL
       AND (to_jsonb(NEW) - ''memberId'') = (to_jsonb(OLD) - ''memberId'') THEN
      RETURN NEW\x3b
    END IF\x3b
    IF TG_TABLE_NAME = ''PolicyVersion'' AND to_jsonb(NEW) ->> ''publishedById'' IS NULL
       AND (to_jsonb(NEW) - ''publishedById'') = (to_jsonb(OLD) - ''publishedById'') THEN
      RETURN NEW\x3b
    END IF\x3b
  END IF\x3b
  RAISE EXCEPTION ''privacy statement records are append-only (% on %)'', TG_OP, TG_TABLE_NAME USING ERRCODE = ''insufficient_privilege''\x3b
END
';

CREATE TRIGGER "PolicyVersion_append_only" BEFORE UPDATE OR DELETE ON "PolicyVersion"
  FOR EACH ROW EXECUTE FUNCTION policy_records_append_only();
CREATE TRIGGER "PolicyAcceptance_append_only" BEFORE UPDATE OR DELETE ON "PolicyAcceptance"
  FOR EACH ROW EXECUTE FUNCTION policy_records_append_only();
CREATE TRIGGER "PolicyVersion_no_truncate" BEFORE TRUNCATE ON "PolicyVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION policy_records_append_only();
CREATE TRIGGER "PolicyAcceptance_no_truncate" BEFORE TRUNCATE ON "PolicyAcceptance"
  FOR EACH STATEMENT EXECUTE FUNCTION policy_records_append_only();
