import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { starterCourseDirs } from '@dari/curriculum';
import { BundlesService } from './bundles.service.js';
import { PublishingService } from '../courses/index.js';
import { UserEntity } from '../users/index.js';
import { courseCount } from './bundles.queries.js';

/** Loads the starter curriculum (libs/curriculum) into a database that has no courses yet, and publishes it. */
@Injectable()
export class CurriculumSeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bundles: BundlesService,
    private readonly publishing: PublishingService,
  ) {}

  async run(dirs: string[] = starterCourseDirs()): Promise<string[]> {
    if ((await courseCount(this.db)) > 0) return [];
    const owner = await this.db.getRepository(UserEntity).findOneBy({ username: 'demo.instructor' });
    const loaded: string[] = [];
    for (const dir of dirs) {
      const files = await this.bundles.readFolder(dir);
      await this.db.transaction(async (m) => {
        const course = await this.bundles.importFiles(m, files, { ownerId: owner?.id ?? null });
        await this.publishing.publish(course.id, null, null, m);
        loaded.push(course.slug);
      });
    }
    return loaded;
  }
}
