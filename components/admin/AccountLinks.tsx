// Header links: sign in; or, for whoever is signed in, the review queue with the
// number of drafts waiting (editors), their account, and sign out.

interface Props {
  account: { email: string; canReview: boolean; draftsWaiting: number } | null;
  signOut: () => Promise<void>;
}

export function AccountLinks({ account, signOut }: Props) {
  if (!account) {
    return (
      <nav aria-label="Account" className="account-links">
        <a href="/login">Sign in</a>
      </nav>
    );
  }
  return (
    <nav aria-label="Account" className="account-links">
      {account.canReview && (
        <a href="/admin/review" className="review-link">
          Review <span className="badge" aria-label={`${account.draftsWaiting} draft${account.draftsWaiting === 1 ? '' : 's'} waiting`}>{account.draftsWaiting}</span>
        </a>
      )}
      {account.canReview && <a href="/admin/figures/new">New figure</a>}
      <a href="/account" className="account-email">{account.email}</a>
      <form action={signOut} className="sign-out">
        <button type="submit" className="button-link-inline">Sign out</button>
      </form>
    </nav>
  );
}
