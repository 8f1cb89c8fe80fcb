import { Inject, Injectable, Logger } from '@nestjs/common';
import { OBJECT_STORAGE, StorageObjectMissing, type ObjectStorage } from '../../../core/storage/object-storage.js';
import { archivePathOfFile, ExportMapper } from './data-export.mapper.js';
import type { ExportArchive } from './export-archive.js';
import { exportReadme, type ArchiveFileDescription } from './export-readme.js';
import { ExportSourcesRepository } from './export-sources.repository.js';

/** One JSON file of the archive: its rows, read in batches, and how each becomes JSON. */
interface Category extends ArchiveFileDescription {
  write(archive: ExportArchive, memberId: string): Promise<number>;
}

const PHOTO_EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif', 'image/avif': 'avif' };

/**
 * Writes everything held about a member into an export archive, category by category (each a
 * JSON array streamed from keyset-paginated batches), then their uploaded files (streamed from
 * object storage) and README.txt. Reports progress as the share of steps done.
 */
@Injectable()
export class ExportArchiveBuilder {
  private readonly logger = new Logger('DataExport');
  private readonly categories: Category[];

  constructor(
    private readonly sources: ExportSourcesRepository,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {
    const s = this.sources;
    const json = <R>(file: string, nl: string, en: string, rows: (memberId: string) => AsyncIterable<R[]>, map: (row: R) => unknown): Category => ({
      file,
      nl,
      en,
      write: (archive, memberId) => archive.addJsonArray(file, rows(memberId), map),
    });
    this.categories = [
      json('resources.json', 'je leermiddelen met hun gegevens en bestanden', 'your resources with their metadata and files', (m) => s.resources(m), ExportMapper.resource),
      json('folders.json', 'je mappen', 'your folders', (m) => s.folders(m), ExportMapper.folder),
      json('folder-items.json', 'de leermiddelen in je mappen', 'the resources in your folders', (m) => s.folderItems(m), ExportMapper.folderItem),
      json('favourites.json', 'je favorieten', 'your favourites', (m) => s.favourites(m), ExportMapper.favourite),
      json('ratings.json', 'je beoordelingen', 'your ratings', (m) => s.ratings(m), ExportMapper.rating),
      json('comments.json', 'je reacties', 'your comments', (m) => s.comments(m), ExportMapper.comment),
      json('messages.json', 'berichten in je gesprekken', 'messages in your conversations', (m) => s.messages(m), ExportMapper.message),
      json('follows.json', 'wie en welke mappen je volgt, en wie jou volgt', 'whom and which folders you follow, and who follows you', (m) => s.follows(m), ExportMapper.follow),
      json('blocks.json', 'leden die je blokkeerde', 'members you blocked', (m) => s.blocks(m), ExportMapper.block),
      json('search-history.json', 'je zoekgeschiedenis', 'your search history', (m) => s.searchHistory(m), ExportMapper.search),
      json('saved-searches.json', 'je bewaarde zoekopdrachten', 'your saved searches', (m) => s.savedSearches(m), ExportMapper.savedSearch),
      json('viewed-resources.json', 'leermiddelen die je bekeek', 'resources you viewed', (m) => s.views(m), ExportMapper.view),
      json('login-history.json', 'je aanmeldgeschiedenis (ingekort IP-adres, browser)', 'your log-in history (truncated IP address, browser)', (m) => s.loginHistory(m), ExportMapper.login),
      json('notifications.json', 'je meldingen', 'your notifications', (m) => s.notifications(m), ExportMapper.notification),
      json('partner-consents.json', 'je toestemmingen aan partners en intrekkingen', 'your consents to partners and withdrawals', (m) => s.partnerConsents(m), ExportMapper.partnerConsent),
      json('disclosures.json', 'welke gegevens partners wanneer ontvingen', 'which data partners received, and when', (m) => s.disclosures(m), ExportMapper.disclosure),
      json('reports.json', 'meldingen van inhoud die je indiende', 'reports of content you filed', (m) => s.reports(m), ExportMapper.report),
      json('moderation-decisions.json', 'moderatiebeslissingen over jou of je inhoud', 'moderation decisions about you or your content', (m) => s.decisions(m), ExportMapper.decision),
      json('appeals.json', 'je bezwaren tegen beslissingen', 'your appeals against decisions', (m) => s.appeals(m), ExportMapper.appeal),
    ];
  }

  /** Every file of the archive, for README.txt. */
  describe(): ArchiveFileDescription[] {
    return [
      { file: 'profile.json', nl: 'je profiel, vakken, niveaus, instellingen, toestemmingen voor profielvelden en meldingsvoorkeuren', en: 'your profile, subjects, levels, settings, consents for profile fields and notification preferences' },
      ...this.categories.map(({ file, nl, en }) => ({ file, nl, en })),
      { file: 'files/', nl: 'de bestanden die je uploadde (en je profielfoto)', en: 'the files you uploaded (and your profile photo)' },
    ];
  }

  /** Writes the whole archive for the member (without ending it); false when the member no longer exists. */
  async build(memberId: string, archive: ExportArchive, progress: (percent: number) => Promise<void>): Promise<boolean> {
    const profile = await this.sources.profile(memberId);
    if (!profile) return false;
    const steps = this.categories.length + 3; // profile, categories, files, README
    let done = 0;
    const step = async () => progress(Math.min(99, Math.floor((++done / steps) * 100)));

    const photo = await this.sources.photo(memberId);
    const photoPath = photo ? `files/profile-photo.${PHOTO_EXTENSIONS[photo.mimeType] ?? 'bin'}` : null;
    await archive.addJson('profile.json', ExportMapper.profile(profile, photoPath));
    if (photo && photoPath) await archive.addBytes(photoPath, photo.bytes);
    await step();

    for (const category of this.categories) {
      await category.write(archive, memberId);
      await step();
    }

    let missingFiles = 0;
    for await (const batch of this.sources.uploadedFiles(memberId)) {
      for (const file of batch) {
        let stream;
        try {
          stream = await this.storage.get(file.storageKey);
        } catch (error) {
          if (!(error instanceof StorageObjectMissing)) throw error;
          this.logger.warn(`Export: stored file ${file.id} is missing; left out of the archive`);
          missingFiles++;
          continue;
        }
        await archive.addStream(archivePathOfFile(file), stream);
      }
    }
    await step();

    await archive.addText('README.txt', exportReadme(this.describe(), new Date(), { missingFiles }));
    await step();
    return true;
  }
}
