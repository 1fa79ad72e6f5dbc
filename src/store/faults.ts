import type { FaultSpec, LogDeliverySpec } from '../engine/types';

/**
 * Faults injected from the UI travel in the link as `fault=KIND:TARGET@MS`, e.g.
 * `crashBroker:0@8000` or `crashConsumer:analytics/c1@12000`, so a shared link replays them.
 */
const BROKER_KINDS = ['crashBroker', 'restartBroker'] as const;
const CONSUMER_KINDS = ['crashConsumer', 'restartConsumer', 'addConsumer', 'removeConsumer'] as const;

export function encodeFault(f: FaultSpec): string {
  return 'broker' in f ? `${f.kind}:${f.broker}@${f.atMs}` : `${f.kind}:${f.group}/${f.member}@${f.atMs}`;
}

/** A fault from a link, checked against the scenario; a string is the reason it was refused. */
export function parseFault(text: string, delivery: LogDeliverySpec | undefined): FaultSpec | string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  if (!delivery) return `The link's fault "${shown}" needs a scenario with a broker; it was ignored.`;
  const m = /^([A-Za-z]+):([A-Za-z0-9_./-]{1,81})@(\d{1,9})$/.exec(text);
  if (!m)
    return `The link's fault "${shown}" is not of the form KIND:TARGET@MS (e.g. crashBroker:0@8000); it was ignored.`;
  const [, kind, target, at] = m as unknown as [string, string, string, string];
  const atMs = Number(at);
  if ((BROKER_KINDS as readonly string[]).includes(kind)) {
    const broker = Number(target);
    if (!/^\d$/.test(target) || broker >= delivery.brokers) {
      return `The link's fault "${shown}" names broker ${target}, but this scenario has brokers 0–${delivery.brokers - 1}; it was ignored.`;
    }
    return { atMs, kind: kind as (typeof BROKER_KINDS)[number], broker };
  }
  if ((CONSUMER_KINDS as readonly string[]).includes(kind)) {
    const [group, member, ...rest] = target.split('/');
    if (!group || !member || rest.length > 0)
      return `The link's fault "${shown}" must name GROUP/MEMBER; it was ignored.`;
    const g = delivery.groups.find((x) => x.id === group);
    if (!g) return `The link's fault "${shown}" names an unknown consumer group "${group}"; it was ignored.`;
    return { atMs, kind: kind as (typeof CONSUMER_KINDS)[number], group, member };
  }
  return `The link's fault "${shown}" has an unknown kind "${kind}"; it was ignored.`;
}

/** The scenario's own faults plus injected ones, in time order (scenario first at equal times). */
export function withFaults(delivery: LogDeliverySpec, injected: readonly FaultSpec[]): LogDeliverySpec {
  const all = [
    ...delivery.faults.map((f, i) => ({ f, i })),
    ...injected.map((f, i) => ({ f, i: delivery.faults.length + i })),
  ];
  all.sort((a, b) => a.f.atMs - b.f.atMs || a.i - b.i);
  return { ...delivery, faults: all.map((x) => x.f) };
}
