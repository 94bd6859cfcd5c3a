import { Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ApiError } from '../api/problem';
import type { Job } from '../api/types';
import { useLatest } from '../hooks/use-latest';

/** Polls GET /jobs/{id} and shows its progress until it succeeds, fails or is canceled (api.md §11). */
export function JobProgress<R>({
  jobId,
  onDone,
  onFail,
}: {
  jobId: string;
  onDone: (result: R) => void;
  onFail: (error: ApiError) => void;
}) {
  const { t } = useTranslation();
  const [job, setJob] = useState<Job<R> | null>(null);
  const callbacks = useLatest({ onDone, onFail });

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const j = await api.get<Job<R>>(`/jobs/${encodeURIComponent(jobId)}`);
        if (!live) return;
        setJob(j);
        if (j.status === 'succeeded') return callbacks.current.onDone(j.result as R);
        if (j.status === 'canceled') return callbacks.current.onFail(new ApiError(409, 'job_canceled', t('job.canceledDetail'), []));
        if (j.status === 'failed') {
          const e = j.error;
          return callbacks.current.onFail(
            new ApiError(
              e?.status ?? 500,
              e?.code ?? 'internal_error',
              e?.detail ?? '',
              e?.errors ?? [],
              (e ?? {}) as Record<string, unknown>,
            ),
          );
        }
        timer = setTimeout(() => void poll(), 400);
      } catch (e) {
        if (live) callbacks.current.onFail(e instanceof ApiError ? e : new ApiError(0, 'network', String(e)));
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [jobId, t, callbacks]);

  const pct = job?.total ? Math.round((job.done / job.total) * 100) : job?.status === 'succeeded' ? 100 : 0;
  return (
    <Stack gap={4}>
      <Progress
        value={pct}
        animated={job?.status !== 'succeeded'}
        aria-label={t('job.progress')}
        role="progressbar"
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {job?.total ? t('job.doneOf', { done: job.done, total: job.total }) : t(`job.status.${job?.status ?? 'queued'}`)}
      </Text>
    </Stack>
  );
}
