import type { DateTime } from 'luxon';
import { openState } from '../hours/openingHours';
import type { Hours, Manufacturer, RepairCentre } from '../knowledge/schema';
import type { ContactEntry } from './reply';
import type { Wording } from './wording';

const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const MINUTE_MS = 60_000;

/** Contact entries with "open now" or when they next open, shown in the person's own time zone. */
export class ContactFormatter {
  // What each contact's hours say in each zone, this minute. Opening times are whole minutes, so the
  // text cannot change within one, and working it out (luxon's zone arithmetic over a week of days)
  // costs more than the rest of a hand-off turn; the contacts are the knowledge's, so few.
  private said = new Map<Hours, Map<string, string>>();
  private saidMinute = NaN;

  constructor(private readonly wording: Wording) {}

  manufacturer(m: Manufacturer, now: DateTime, userZone?: string): ContactEntry {
    return {
      name: m.name,
      phone: m.phone,
      email: m.email,
      links: [
        m.chat && { label: this.wording.say('contact.link_chat'), url: m.chat },
        m.supportSite && { label: this.wording.say('contact.link_site'), url: m.supportSite },
        m.locator && { label: this.wording.say('contact.link_locator'), url: m.locator },
      ].filter(isLink),
      hours: this.hours(m.hours, now, userZone),
    };
  }

  repairCentre(r: RepairCentre, now: DateTime, userZone?: string): ContactEntry {
    return {
      name: r.name,
      note: this.wording.say(r.authorised ? 'repair.authorised' : 'repair.independent', { address: r.address }),
      phone: r.phone,
      email: r.email,
      links: r.website ? [{ label: this.wording.say('contact.link_site'), url: r.website }] : [],
      hours: this.hours(r.hours, now, userZone),
    };
  }

  hours(hours: Hours, now: DateTime, userZone?: string): string {
    const minute = Math.floor(now.toMillis() / MINUTE_MS);
    if (minute !== this.saidMinute) {
      this.said = new Map();
      this.saidMinute = minute;
    }
    let byZone = this.said.get(hours);
    if (!byZone) this.said.set(hours, (byZone = new Map()));
    const zoneKey = userZone ?? '';
    let text = byZone.get(zoneKey);
    if (text === undefined) byZone.set(zoneKey, (text = this.hoursAt(hours, now, userZone)));
    return text;
  }

  private hoursAt(hours: Hours, now: DateTime, userZone?: string): string {
    // Round the clock every day: a closing time at the contact's midnight would mislead.
    if (ALL_DAYS.every((d) => hours.week[d] === '00:00-24:00')) return this.wording.say('hours.always_open');
    const zone = userZone ?? hours.timezone;
    const yourTime = userZone ? this.wording.say('hours.your_time') : this.wording.say('hours.their_time', { zone: hours.timezone });
    const state = openState(hours, now);
    if (state.open) {
      return this.wording.say('hours.open_until', { time: state.closesAt.setZone(zone).toFormat('h:mm a'), zone: yourTime });
    }
    if (!state.opensAt) return this.wording.say('hours.closed');
    const opens = state.opensAt.setZone(zone);
    const today = now.setZone(zone).startOf('day');
    const day = opens.hasSame(today, 'day') ? this.wording.say('hours.today')
      : opens.hasSame(today.plus({ days: 1 }), 'day') ? this.wording.say('hours.tomorrow') : opens.toFormat('cccc');
    return this.wording.say('hours.opens_at', { day, time: opens.toFormat('h:mm a'), zone: yourTime });
  }
}

function isLink(x: { label: string; url: string } | undefined | ''): x is { label: string; url: string } {
  return Boolean(x);
}
