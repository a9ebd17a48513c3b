/**
 * The jsdom suite runs on React 19 (project "dom") and React 18 (project "dom-react18", see
 * test/setup/react18.ts). This file proves each project really runs the React it is named for, with
 * one React shared by react-dom, react-query and Testing Library (a second copy would make every hook
 * throw "Invalid hook call").
 */
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { version as reactVersion } from "react";
import { version as reactDomVersion } from "react-dom";
import { expect, it } from "vitest";

it("runs on the React major the project is named for, with react-dom of the same version", () => {
  const expectedMajor = process.env.EXPECTED_REACT_MAJOR;
  expect(expectedMajor).toMatch(/^\d+$/);
  expect(reactVersion.split(".")[0]).toBe(expectedMajor);
  expect(reactDomVersion).toBe(reactVersion);
});

it("react-query and Testing Library render hooks on that same React", async () => {
  function Version() {
    const { data } = useQuery({ queryKey: ["version"], queryFn: async () => reactVersion });
    return <p>React {data ?? "…"}</p>;
  }
  render(
    <QueryClientProvider client={new QueryClient()}>
      <Version />
    </QueryClientProvider>,
  );
  expect(await screen.findByText(`React ${reactVersion}`)).toBeTruthy();
});
