// Error messages as the design system's error banner, announced to screen readers.
export function ErrorBanner({ message }: { message: string }) {
  return (
    <div className="banner error" role="alert">
      <strong>エラー</strong>
      <p>{message}</p>
    </div>
  );
}
