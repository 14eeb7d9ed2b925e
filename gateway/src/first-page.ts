/**
 * What GraphiQL opens with on a first visit (`npm start`): the README's examples in tabs, the demo
 * accounts named, and the header that carries the token, so that a first query works in a minute.
 * test/first-page.test.ts holds every tab's operation to the README's.
 */
const GUIDE = `# Selamat datang di Kinerja / Welcome to Kinerja
#
# 1. Jalankan login di tab ini / run the login in this tab (password: kinerja-demo).
# 2. Salin accessToken ke Headers di bawah / copy the accessToken into Headers below:
#      { "Authorization": "Bearer <accessToken>" }
# 3. Buka tab berikutnya / open the next tabs: the supervisor's team, an HR search.
#
# Akun demo / demo accounts (<agency>: siulak, muaratebo, tanjungpinang, sawahlunto, kotalama, demo):
#   admin@kinerja.demo (province admin), auditor@kinerja.demo, pelamar@kinerja.demo (applicant),
#   hr.<agency>@kinerja.demo, head.<agency>@kinerja.demo, supervisor.<agency>@kinerja.demo,
#   employee.<agency>@kinerja.demo; employees also log in by NIP.
`;

export const LOGIN_EXAMPLE = `mutation {
  login(input: { email: "supervisor.siulak@kinerja.demo", password: "kinerja-demo" }) {
    accessToken
    expiresAt
  }
}`;

export const TEAM_EXAMPLE = `{
  me {
    name
    position {
      title
    }
    agency {
      name
    }
    supervisor {
      name
    }
    subordinates {
      name
      nip
      employmentType
      position {
        title
      }
      orgUnit {
        name
      }
    }
  }
}`;

export const HR_SEARCH_EXAMPLE = `{
  employees(filter: { search: "santoso" }, first: 20) {
    totalCount
    edges {
      node {
        name
        nip
        rank
        orgUnit {
          name
        }
        supervisor {
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}`;

const TOKEN_HEADER = JSON.stringify({ Authorization: 'Bearer <accessToken dari login>' }, null, 2);

export const FIRST_PAGE_TABS = [
  { query: `${GUIDE}${LOGIN_EXAMPLE}\n`, headers: null },
  { query: `# Tim atasan / the supervisor's team (log in as supervisor.<agency>@kinerja.demo)\n${TEAM_EXAMPLE}\n`, headers: TOKEN_HEADER },
  { query: `# Pencarian pegawai oleh HR / an HR search (log in as hr.<agency>@kinerja.demo)\n${HR_SEARCH_EXAMPLE}\n`, headers: TOKEN_HEADER },
];
