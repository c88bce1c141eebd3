import type { Brand, Flow, Knowledge, Manufacturer, Product, RepairCentre } from '../knowledge';

/** Look-ups across the catalogue, contacts and flows, in one place. */
export class CatalogueLookup {
  constructor(private readonly k: Knowledge) {}

  product(id: string | undefined): Product | undefined {
    return this.k.catalogue.products.find((p) => p.id === id);
  }

  brand(id: string | undefined): Brand | undefined {
    return this.k.catalogue.brands.find((b) => b.id === id);
  }

  products(): Product[] {
    return this.k.catalogue.products;
  }

  manufacturer(brandId: string | undefined): Manufacturer | undefined {
    return this.k.contacts.manufacturers.find((m) => m.brand === brandId);
  }

  /** Authorised centres first; for the brand when known, otherwise any brand of the product. */
  repairCentres(product: string, brandId?: string, region?: string): RepairCentre[] {
    const brands = brandId ? [brandId] : this.k.catalogue.brands.filter((b) => b.product === product).map((b) => b.id);
    return this.k.contacts.repairCentres
      .filter((r) => r.brands.some((b) => brands.includes(b)))
      .filter((r) => !region || r.regions.includes(region) || r.regions.includes('online'))
      .sort((a, b) => Number(b.authorised) - Number(a.authorised));
  }

  statusPage(product: string | undefined, brandId: string | undefined): string | undefined {
    return this.brand(brandId)?.statusPage ?? this.product(product)?.statusPage
      ?? this.k.catalogue.brands.find((b) => b.product === product && b.statusPage)?.statusPage;
  }

  /** The code a troubleshooting flow is for when the person names none. */
  get defaultErrorCode(): string {
    return this.k.catalogue.defaultErrorCode;
  }

  flow(product: string | undefined, errorCode = this.defaultErrorCode): Flow | undefined {
    return this.k.flows.find((f) => f.product === product && f.errorCode === errorCode);
  }

  flowById(id: string): Flow | undefined {
    return this.k.flows.find((f) => f.id === id);
  }

  errorCodes(): Set<string> {
    return new Set(this.k.flows.map((f) => f.errorCode).concat(this.k.articles.flatMap((a) => a.errorCodes)));
  }

  /** A topic article (warranty, repair, contact, prevention) for a product. */
  topicArticles(product: string, topic: string) {
    return this.k.articles.filter((a) => a.product === product && a.topic === topic);
  }
}
