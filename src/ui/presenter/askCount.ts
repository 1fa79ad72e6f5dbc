/** Apart from Presenter.tsx so the lazily loaded PresenterAsk can read it without importing its parent. */
import { create } from 'zustand';

/** How many questions have been asked this session (the overlay shows the next one each time). */
export const useAskCount = create<{ count: number }>()(() => ({ count: 0 }));
