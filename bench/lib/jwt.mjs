// The bench's shared JWT secret and a token for one portal user (both servers verify the same HS256 token).
export const BENCH_JWT_SECRET = 'bench-only-secret-0123456789abcdef0123456789abcdef';
export const BENCH_USER_ID = 'bench-user-1';
