export interface LocalRedis {
  readonly url: string;
  readonly started: boolean;
  stop(): void;
}
export function redisAnswers(url: string): Promise<boolean>;
export function ensureRedis(url?: string): Promise<LocalRedis>;
