-- CreateEnum
CREATE TYPE "PartnerStatus" AS ENUM ('active', 'suspended');

-- CreateEnum
CREATE TYPE "PartnerClientAuth" AS ENUM ('client_secret_basic', 'client_secret_post', 'none');

-- CreateEnum
CREATE TYPE "ConsentWithdrawnBy" AS ENUM ('member', 'admin', 'partner', 'account_deletion');

-- CreateEnum
CREATE TYPE "DisclosureChannel" AS ENUM ('userinfo', 'partner_api');

-- CreateTable
CREATE TABLE "Partner" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "legalName" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "dpoEmail" TEXT NOT NULL,
    "logoUrl" TEXT,
    "websiteUrl" TEXT NOT NULL,
    "privacyPolicyUrl" TEXT NOT NULL,
    "notificationUrl" TEXT,
    "status" "PartnerStatus" NOT NULL DEFAULT 'active',
    "suspendedAt" TIMESTAMP(3),
    "clientId" TEXT NOT NULL,
    "clientSecretSealed" TEXT,
    "clientAuth" "PartnerClientAuth" NOT NULL DEFAULT 'client_secret_basic',
    "redirectUris" TEXT[],
    "allowedScopes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerNotice" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "serviceDescription" TEXT NOT NULL,
    "purposes" TEXT NOT NULL,
    "dataCategories" TEXT[],
    "retention" TEXT NOT NULL,
    "storageLocation" TEXT NOT NULL,
    "subProcessors" TEXT[],
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerConsent" (
    "id" UUID NOT NULL,
    "memberId" UUID,
    "subject" TEXT NOT NULL,
    "partnerId" UUID NOT NULL,
    "noticeId" UUID NOT NULL,
    "grantedScopes" TEXT[],
    "refusedScopes" TEXT[],
    "consentTextHash" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "grantId" TEXT,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerConsentWithdrawal" (
    "consentId" UUID NOT NULL,
    "withdrawnAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnBy" "ConsentWithdrawnBy" NOT NULL,
    "actorId" UUID,

    CONSTRAINT "PartnerConsentWithdrawal_pkey" PRIMARY KEY ("consentId")
);

-- CreateTable
CREATE TABLE "PartnerDisclosure" (
    "id" UUID NOT NULL,
    "memberId" UUID,
    "partnerId" UUID NOT NULL,
    "consentId" UUID,
    "channel" "DisclosureChannel" NOT NULL,
    "categories" TEXT[],
    "disclosedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerDisclosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OidcPayload" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "grantId" TEXT,
    "uid" TEXT,
    "userCode" TEXT,
    "accountId" TEXT,
    "clientId" TEXT,
    "expiresAt" TIMESTAMP(3),
    "consumedAt" TIMESTAMP(3),

    CONSTRAINT "OidcPayload_pkey" PRIMARY KEY ("type","id")
);

-- CreateTable
CREATE TABLE "OidcSigningKey" (
    "id" TEXT NOT NULL,
    "sealedJwk" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OidcSigningKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partner_name_key" ON "Partner"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_clientId_key" ON "Partner"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerNotice_partnerId_version_key" ON "PartnerNotice"("partnerId", "version");

-- CreateIndex
CREATE INDEX "PartnerConsent_memberId_partnerId_idx" ON "PartnerConsent"("memberId", "partnerId");

-- CreateIndex
CREATE INDEX "PartnerConsent_partnerId_idx" ON "PartnerConsent"("partnerId");

-- CreateIndex
CREATE INDEX "PartnerDisclosure_memberId_partnerId_disclosedAt_idx" ON "PartnerDisclosure"("memberId", "partnerId", "disclosedAt");

-- CreateIndex
CREATE INDEX "PartnerDisclosure_disclosedAt_idx" ON "PartnerDisclosure"("disclosedAt");

-- CreateIndex
CREATE INDEX "OidcPayload_grantId_idx" ON "OidcPayload"("grantId");

-- CreateIndex
CREATE INDEX "OidcPayload_uid_idx" ON "OidcPayload"("uid");

-- CreateIndex
CREATE INDEX "OidcPayload_accountId_clientId_idx" ON "OidcPayload"("accountId", "clientId");

-- CreateIndex
CREATE INDEX "OidcPayload_expiresAt_idx" ON "OidcPayload"("expiresAt");

-- AddForeignKey
ALTER TABLE "PartnerNotice" ADD CONSTRAINT "PartnerNotice_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerConsent" ADD CONSTRAINT "PartnerConsent_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerConsent" ADD CONSTRAINT "PartnerConsent_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerConsent" ADD CONSTRAINT "PartnerConsent_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "PartnerNotice"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerConsentWithdrawal" ADD CONSTRAINT "PartnerConsentWithdrawal_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "PartnerConsent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerConsentWithdrawal" ADD CONSTRAINT "PartnerConsentWithdrawal_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerDisclosure" ADD CONSTRAINT "PartnerDisclosure_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerDisclosure" ADD CONSTRAINT "PartnerDisclosure_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerDisclosure" ADD CONSTRAINT "PartnerDisclosure_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "PartnerConsent"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Consent records are evidence: the application can add them but not change or remove them.
-- The only change allowed is detaching the member (memberId/actorId to NULL) when an account is deleted.
-- (The body is an E'' string with \x3b for semicolons: Prisma splits migrations at every raw semicolon.)
CREATE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = ''UPDATE'' THEN
    IF TG_TABLE_NAME = ''PartnerConsent'' AND to_jsonb(NEW) ->> ''memberId'' IS NULL
       AND (to_jsonb(NEW) - ''memberId'') = (to_jsonb(OLD) - ''memberId'') THEN
      RETURN NEW\x3b
    END IF\x3b
    IF TG_TABLE_NAME = ''PartnerConsentWithdrawal'' AND to_jsonb(NEW) ->> ''actorId'' IS NULL
       AND (to_jsonb(NEW) - ''actorId'') = (to_jsonb(OLD) - ''actorId'') THEN
      RETURN NEW\x3b
    END IF\x3b
  END IF\x3b
  RAISE EXCEPTION ''consent records are append-only (% on %)'', TG_OP, TG_TABLE_NAME USING ERRCODE = ''insufficient_privilege''\x3b
END
';

CREATE TRIGGER "PartnerConsent_append_only" BEFORE UPDATE OR DELETE ON "PartnerConsent"
  FOR EACH ROW EXECUTE FUNCTION consent_records_append_only();
CREATE TRIGGER "PartnerConsentWithdrawal_append_only" BEFORE UPDATE OR DELETE ON "PartnerConsentWithdrawal"
  FOR EACH ROW EXECUTE FUNCTION consent_records_append_only();
CREATE TRIGGER "PartnerConsent_no_truncate" BEFORE TRUNCATE ON "PartnerConsent"
  FOR EACH STATEMENT EXECUTE FUNCTION consent_records_append_only();
CREATE TRIGGER "PartnerConsentWithdrawal_no_truncate" BEFORE TRUNCATE ON "PartnerConsentWithdrawal"
  FOR EACH STATEMENT EXECUTE FUNCTION consent_records_append_only();
