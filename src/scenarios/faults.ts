import type { FaultSpec, MessagingSpec, ScenarioSpec } from '../engine/types';

/** A fault on a direct-messaging or queue consumer. */
export type MessagingFault = MessagingSpec['faults'][number];
/** Any fault the UI can inject. */
export type InjectedFault = FaultSpec | MessagingFault;

/**
 * Faults injected from the UI travel in the link as `fault=KIND:TARGET@MS`, e.g.
 * `crashBroker:0@8000` or `crashConsumer:analytics/c1@12000`, so a shared link replays them.
 */
const BROKER_KINDS = ['crashBroker', 'restartBroker'] as const;
const CONSUMER_KINDS = ['crashConsumer', 'restartConsumer', 'addConsumer', 'removeConsumer'] as const;

export function encodeFault(f: InjectedFault): string {
  if ('broker' in f) return `${f.kind}:${f.broker}@${f.atMs}`;
  if ('consumer' in f) return `${f.kind}:${f.consumer}@${f.atMs}`;
  return `${f.kind}:${f.group}/${f.member}@${f.atMs}`;
}

/** A fault from a link, checked against the scenario; a string is the reason it was refused. */
export function parseFault(
  text: string,
  scenario: Pick<ScenarioSpec, 'delivery' | 'messaging'>,
): InjectedFault | string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const { delivery, messaging } = scenario;
  if (messaging) return parseMessagingFault(text, shown, messaging);
  if (!delivery)
    return `The link's fault "${shown}" needs a scenario with a broker or consumers; it was ignored.`;
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

function parseMessagingFault(text: string, shown: string, messaging: MessagingSpec): MessagingFault | string {
  const m = /^(crashConsumer|restartConsumer):([A-Za-z0-9_.-]{1,40})@(\d{1,9})$/.exec(text);
  if (!m)
    return `The link's fault "${shown}" is not of the form crashConsumer:NAME@MS or restartConsumer:NAME@MS; it was ignored.`;
  const [, kind, consumer, at] = m as unknown as [string, MessagingFault['kind'], string, string];
  if (!messaging.consumers.some((c) => c.id === consumer))
    return `The link's fault "${shown}" names an unknown consumer "${consumer}"; it was ignored.`;
  return { atMs: Number(at), kind, consumer };
}

/** The scenario's own faults plus injected ones, in time order (scenario first at equal times). */
export function withFaults<T extends { readonly atMs: number }>(
  own: readonly T[],
  injected: readonly T[],
): T[] {
  const all = [...own.map((f, i) => ({ f, i })), ...injected.map((f, i) => ({ f, i: own.length + i }))];
  all.sort((a, b) => a.f.atMs - b.f.atMs || a.i - b.i);
  return all.map((x) => x.f);
}

/** A scenario with injected faults added to its delivery or messaging faults. */
export function withInjected(spec: ScenarioSpec, injected: readonly InjectedFault[]): ScenarioSpec {
  if (injected.length === 0) return spec;
  if (spec.delivery) {
    const own = injected.filter((f): f is FaultSpec => !('consumer' in f));
    return { ...spec, delivery: { ...spec.delivery, faults: withFaults(spec.delivery.faults, own) } };
  }
  if (spec.messaging) {
    const own = injected.filter((f): f is MessagingFault => 'consumer' in f);
    return { ...spec, messaging: { ...spec.messaging, faults: withFaults(spec.messaging.faults, own) } };
  }
  return spec;
}
