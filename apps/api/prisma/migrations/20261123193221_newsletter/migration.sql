-- CreateEnum
CREATE TYPE "NewsletterConsentSource" AS ENUM ('settings', 'unsubscribe_link');

-- CreateTable
CREATE TABLE "NewsletterConsent" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "granted" BOOLEAN NOT NULL,
    "source" "NewsletterConsentSource" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NewsletterConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Newsletter" (
    "id" UUID NOT NULL,
    "subjectNl" TEXT NOT NULL,
    "subjectEn" TEXT NOT NULL,
    "bodyNl" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "recipientCount" INTEGER NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentById" UUID,

    CONSTRAINT "Newsletter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NewsletterConsent_memberId_at_idx" ON "NewsletterConsent"("memberId", "at");

-- CreateIndex
CREATE INDEX "Newsletter_sentAt_idx" ON "Newsletter"("sentAt");

-- AddForeignKey
-- migration-safety: allow lock-timeout because the table is created empty in this migration and the foreign key holds "Member" only for the instant of adding it (no rows to check)
ALTER TABLE "NewsletterConsent" ADD CONSTRAINT "NewsletterConsent_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Newsletter" ADD CONSTRAINT "Newsletter_sentById_fkey" FOREIGN KEY ("sentById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;



-- Newsletter consents are evidence: a change of mind is a new row. Rows are never changed, they
-- are deleted only with the account (ON DELETE CASCADE), so DELETE stays allowed.
-- (The body is an E'' string with \x3b for semicolons: Prisma splits migrations at every raw semicolon.)
CREATE FUNCTION newsletter_consent_append_only() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''newsletter consents are append-only (% on %)'', TG_OP, TG_TABLE_NAME USING ERRCODE = ''insufficient_privilege''\x3b
END
';

CREATE TRIGGER "NewsletterConsent_append_only" BEFORE UPDATE ON "NewsletterConsent"
  FOR EACH ROW EXECUTE FUNCTION newsletter_consent_append_only();
CREATE TRIGGER "NewsletterConsent_no_truncate" BEFORE TRUNCATE ON "NewsletterConsent"
  FOR EACH STATEMENT EXECUTE FUNCTION newsletter_consent_append_only();
