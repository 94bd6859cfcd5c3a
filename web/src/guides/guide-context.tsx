import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { LogEntry } from '../api/types';
import { CreateInteractionGuide } from './CreateInteractionGuide';
import { PhoneCallGuide } from './PhoneCallGuide';

/** Where the Create Interaction guide starts from (domain.md §5.1). */
export interface CreateInteractionStart {
  readonly contactNo?: string;
  readonly salespersonCode?: string;
  readonly campaignNo?: string;
  readonly taskNo?: string;
  readonly opportunityNo?: string;
  /** Fields given by the context that the user cannot change. */
  readonly lock?: readonly ('contactNo' | 'salespersonCode' | 'campaignNo' | 'opportunityNo')[];
  /** Resume a postponed interaction. */
  readonly resume?: LogEntry;
  readonly onLogged?: (entry: LogEntry) => void;
}

/** Where the Make Phone Call guide starts from (domain.md §5.2). */
export interface PhoneCallStart {
  readonly contactNo?: string;
  readonly contactVia?: string;
  readonly taskNo?: string;
  readonly campaignNo?: string;
  readonly onLogged?: (entry: LogEntry) => void;
}

interface Guides {
  openCreateInteraction(start: CreateInteractionStart): void;
  openPhoneCall(start: PhoneCallStart): void;
}

const GuideContext = createContext<Guides | null>(null);

export function GuideProvider({ children }: { children: ReactNode }) {
  const [create, setCreate] = useState<{ start: CreateInteractionStart; key: number } | null>(null);
  const [call, setCall] = useState<{ start: PhoneCallStart; key: number } | null>(null);
  const value = useMemo<Guides>(
    () => ({
      openCreateInteraction: (start) => setCreate({ start, key: Date.now() }),
      openPhoneCall: (start) => setCall({ start, key: Date.now() }),
    }),
    [],
  );
  return (
    <GuideContext.Provider value={value}>
      {children}
      {create && <CreateInteractionGuide key={create.key} start={create.start} onClose={() => setCreate(null)} />}
      {call && <PhoneCallGuide key={call.key} start={call.start} onClose={() => setCall(null)} />}
    </GuideContext.Provider>
  );
}

export function useGuides(): Guides {
  const g = useContext(GuideContext);
  if (!g) throw new Error('useGuides outside GuideProvider');
  return g;
}
