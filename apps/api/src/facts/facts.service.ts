import { Injectable } from '@nestjs/common';
import { factKeysIn, factsToReview, koreaDate, type Fact, type FactReviewList } from '@dari/contracts';
import { loadFacts } from '@dari/curriculum';

/**
 * The dated facts of libs/curriculum/facts (a figure that changes by law or by year, with its value per
 * period and its source), read and validated once when the app starts: an invalid facts file stops the
 * start, as an invalid course bundle would.
 */
@Injectable()
export class FactsService {
  private readonly facts: Fact[] = loadFacts();

  all(): readonly Fact[] {
    return this.facts;
  }

  /** The facts that any text in `value` refers to (`{{fact:KEY}}`), known ones only, in key order. */
  referencedBy(value: unknown): Fact[] {
    const keys = new Set(factKeysIn(JSON.stringify(value)));
    return keys.size ? this.facts.filter((f) => keys.has(f.key)) : [];
  }

  /** The facts due for review on a day (Korea's): reviewBy reached, or the last period over. */
  review(on: Date = new Date()): FactReviewList {
    return { today: koreaDate(on), items: factsToReview(this.facts, on) };
  }
}
