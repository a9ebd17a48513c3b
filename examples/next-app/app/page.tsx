import Link from "next/link";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/session";

export default function Home() {
  async function signInAsNewCustomer() {
    "use server";
    await signIn();
    redirect("/billing");
  }
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 p-8">
      <h1 className="text-3xl font-semibold">react-upgrade-kit on Next.js</h1>
      <form action={signInAsNewCustomer}>
        <button type="submit" className="rounded bg-black px-4 py-2 text-white dark:bg-white dark:text-black">
          Sign in as a new customer
        </button>
      </form>
      <Link href="/billing" className="underline">Plans and billing</Link>
    </main>
  );
}
